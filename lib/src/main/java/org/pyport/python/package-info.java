/**
 * CPython beside Java: {@link org.pyport.python.Python} runs python3, the reference every port is checked
 * against, and returns what it printed ({@link org.pyport.python.PyResult}).
 */
package org.pyport.python;
