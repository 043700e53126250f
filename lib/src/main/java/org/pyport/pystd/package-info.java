/**
 * What Python does, in Java, where the JDK does it differently or not at all: {@code repr()}
 * ({@link org.pyport.pystd.PyRepr}), {@code json.dumps}'s exact text ({@link org.pyport.pystd.PyJson}),
 * {@code os.path.split/splitext} ({@link org.pyport.pystd.PyPaths}), {@code stat.filemode}
 * ({@link org.pyport.pystd.FileModes}), {@code time.sleep} ({@link org.pyport.pystd.PyTime}), {@code struct}
 * ({@link org.pyport.pystd.Struct}), {@code html.parser} ({@link org.pyport.pystd.HtmlParser}), and the
 * {@code collections} and {@code itertools} pieces the tutorial uses ({@link org.pyport.pystd.Counter},
 * {@link org.pyport.pystd.ChainMap}, {@link org.pyport.pystd.LastUpdatedOrderedDict},
 * {@link org.pyport.pystd.Groupby}). Where the JDK has the same thing, notebooks use the JDK.
 */
package org.pyport.pystd;
