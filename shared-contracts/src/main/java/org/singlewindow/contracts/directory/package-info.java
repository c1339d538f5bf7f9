/**
 * The data element directory (数据元目录): every data element with its names, format, code list, check character
 * and, where a public source gives them, its WCO Data Model and UN/TDED ids; every document type of the standard
 * edition built from those elements, with its cross-field rules and references to earlier documents; and each
 * agency's data subset (数据授权使用). All of it is YAML next to these classes, loaded and checked as a whole by
 * {@link org.singlewindow.contracts.directory.DirectoryLoader}. From it come the one generic
 * {@link org.singlewindow.contracts.directory.DocumentValidator} and the published JSON Schemas.
 */
package org.singlewindow.contracts.directory;
