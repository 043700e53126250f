/**
 * API of newer JDKs (virtual threads, the source launcher with preview features) reached from code compiled for
 * Java 17, so a notebook runs on whatever JDK its kernel uses: {@link org.pyport.jdk.Jdk}.
 */
package org.pyport.jdk;
