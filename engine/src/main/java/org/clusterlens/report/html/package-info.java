/**
 * The HTML packs: self-contained pages with Plotly inlined from the webjar, rendered as strings; it
 * must not write files, fetch anything from the network, or compute figures.
 */
package org.clusterlens.report.html;
