/**
 * The packs' words: ranked key points, the questions they suggest, each school's visit brief and
 * the "how to read this" lines, written from the pack model's figures; it computes no figures and
 * renders nothing (no HTML, no cells).
 */
package org.clusterlens.insight;
