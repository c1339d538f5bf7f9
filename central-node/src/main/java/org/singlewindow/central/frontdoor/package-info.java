/**
 * Central's front door in a browser (issue 28, 五.二.2 统一门户): the login page every portal user meets, named after
 * the window the user came from (from the OpenID Connect client that started the login) and Chinese first with an
 * English switch, its refusals said plainly; and central's landing page, 中国国际贸易单一窗口, linking each provincial
 * window and the operators' console.
 */
package org.singlewindow.central.frontdoor;
