/**
 * The RSA key the tokens are signed with, kept in a file so tokens outlive a restart.
 */
package io.orderflow.auth.keys;
