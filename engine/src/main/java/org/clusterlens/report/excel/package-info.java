/**
 * The Excel packs and the return template, built with Apache POI as workbooks in memory and saved
 * by {@link org.clusterlens.report.excel.WorkbookSaver}; it must not compute figures or read
 * returns.
 */
package org.clusterlens.report.excel;
