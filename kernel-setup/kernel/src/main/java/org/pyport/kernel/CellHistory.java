package org.pyport.kernel;

import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** In-memory history of the cells run in this kernel session (Jupyter's history requests). */
final class CellHistory implements HistoryManager {

    /** Session number reported for this kernel's cells. */
    static final int SESSION = 1;

    private final List<HistoryEntry> entries = new ArrayList<>();

    /** Records a cell (before it runs). */
    synchronized void add(int count, String code) {
        entries.add(new HistoryEntry(SESSION, count, code, null));
    }

    /** Records the text/plain result of cell {@code count}. */
    synchronized void setOutput(int count, String output) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            HistoryEntry e = entries.get(i);
            if (e.getCellNumber() == count) {
                entries.set(i, new HistoryEntry(SESSION, count, e.getInput(), output));
                return;
            }
        }
    }

    @Override
    public synchronized List<HistoryEntry> lookupRange(int session, int start, int stop, Set<ResultFlag> flags) {
        List<HistoryEntry> out = new ArrayList<>();
        for (HistoryEntry e : entries) {
            if ((session == 0 || session == SESSION || session == -1)
                    && e.getCellNumber() >= start && (stop <= 0 || e.getCellNumber() < stop)) {
                out.add(e);
            }
        }
        return unique(out, flags);
    }

    @Override
    public synchronized List<HistoryEntry> lookupTail(int length, Set<ResultFlag> flags) {
        List<HistoryEntry> all = unique(entries, flags);
        return new ArrayList<>(all.subList(Math.max(0, all.size() - Math.max(length, 0)), all.size()));
    }

    @Override
    public synchronized List<HistoryEntry> search(String pattern, int length, Set<ResultFlag> flags) {
        // Jupyter's search patterns are globs: * any text, ? one character
        StringBuilder regex = new StringBuilder();
        for (char c : (pattern == null ? "*" : pattern).toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        Pattern glob = Pattern.compile(regex.toString(), Pattern.DOTALL);
        List<HistoryEntry> matches = new ArrayList<>();
        for (HistoryEntry e : entries) {
            if (glob.matcher(e.getInput()).matches()) {
                matches.add(e);
            }
        }
        matches = unique(matches, flags);
        return length > 0 ? new ArrayList<>(matches.subList(Math.max(0, matches.size() - length), matches.size())) : matches;
    }

    private static List<HistoryEntry> unique(List<HistoryEntry> in, Set<ResultFlag> flags) {
        if (flags == null || !flags.contains(ResultFlag.UNIQUE)) {
            return new ArrayList<>(in);
        }
        Map<String, HistoryEntry> last = new LinkedHashMap<>();
        for (HistoryEntry e : in) {
            last.remove(e.getInput());
            last.put(e.getInput(), e);
        }
        return new ArrayList<>(last.values());
    }

    /** @return the reply to a history request (tail, range or search) */
    Replies.History reply(HistoryRequest request) {
        Set<ResultFlag> flags = EnumSet.noneOf(ResultFlag.class);
        if (request.includeOutput()) {
            flags.add(ResultFlag.INCLUDE_OUTPUT);
        }
        List<HistoryEntry> found;
        if (request instanceof HistoryRequest.Tail tail) {
            found = lookupTail(tail.getMaxReturnLength(), flags);
        } else if (request instanceof HistoryRequest.Range range) {
            found = lookupRange(range.getSessionIndex(), range.getStart(), range.getStop(), flags);
        } else if (request instanceof HistoryRequest.Search search) {
            if (search.filterUnique()) {
                flags.add(ResultFlag.UNIQUE);
            }
            found = search(search.getPattern(), search.getMaxReturnLength(), flags);
        } else {
            found = List.of();
        }
        return new Replies.History(found, request.includeOutput());
    }
}
