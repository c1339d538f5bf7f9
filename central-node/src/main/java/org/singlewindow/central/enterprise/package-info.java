/**
 * Unified identity (一次注册、全国通用), on the issuing node (central): an enterprise registers once, proving with
 * a signature that it holds the key of its federation certificate, which binds that key to its USCC; its users
 * then log in at any provincial node's portal through central (OpenID Connect, authorization code + PKCE).
 * Central operators add agency officers and operators. Tokens of a registered enterprise's users and clients name
 * the registered certificate, and documents they submit must be signed with it.
 */
package org.singlewindow.central.enterprise;
