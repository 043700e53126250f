/**
 * Java serialization, pickle-shaped ({@link org.pyport.serial.JavaSerial}), and the allow-list filters that make
 * reading it safe ({@link org.pyport.serial.SerialFilters}); every read of serialized bytes from another process
 * goes through them.
 */
package org.pyport.serial;
