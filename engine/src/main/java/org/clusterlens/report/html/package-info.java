/**
 * The HTML packs: self-contained pages carrying plotly.js (minified at build time, gzip-compressed
 * and unpacked in the page), rendered as strings; it must not write files, fetch anything from the
 * network, or compute figures.
 */
package org.clusterlens.report.html;
