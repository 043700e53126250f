/**
 * CPython beside Java: {@link org.pyport.python.Python} runs python3 (the reference for every port) and
 * {@link org.pyport.python.PyRepr} renders Java values exactly as Python's {@code repr()}.
 */
package org.pyport.python;
