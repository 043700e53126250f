/**
 * Checks that fail loudly ({@link org.pyport.check.Checks}), output capture for comparing with CPython
 * ({@link org.pyport.check.Capture}) and the temp directory every notebook writes into
 * ({@link org.pyport.check.Sandbox}).
 */
package org.pyport.check;
