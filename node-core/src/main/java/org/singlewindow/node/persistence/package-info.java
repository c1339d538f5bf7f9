/**
 * Persistence conventions shared by every mapper, {@link org.singlewindow.node.persistence.AfterCommit} for
 * work that must wait for a commit, {@link org.singlewindow.node.persistence.GroupCommit} for work of several threads
 * committed in one transaction, and {@link org.singlewindow.node.persistence.PeriodicPass} for passes over the
 * database made every so often (retention, audit checkpoints, asking ministries again);
 * {@link org.singlewindow.node.persistence.ConnectionSettings} sets every connection's isolation and, on MySQL and
 * MariaDB, the driver's settings. Times are stored as UTC
 * {@code datetime(3)} written as text:
 * mysql-connector-j takes MariaDB (which reports itself as "5.5.5-10.x") for a server without fractional
 * seconds and would silently drop the milliseconds of a bound timestamp; text keeps them on H2, MySQL and
 * MariaDB alike, and makes the stored value independent of the JVM's time zone.
 */
package org.singlewindow.node.persistence;
