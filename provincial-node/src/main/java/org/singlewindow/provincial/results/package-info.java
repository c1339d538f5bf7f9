/**
 * What a provincial node does with what central sends back on {@code sw.out.province.<code>}: the dispatch notice
 * (declaration stored and routed; agencies start PENDING) and agency receipts (the declarant's status and event
 * stream move on), applied in any order and exactly once.
 */
package org.singlewindow.provincial.results;
