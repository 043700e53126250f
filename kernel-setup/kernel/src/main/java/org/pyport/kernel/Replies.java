package org.pyport.kernel;

import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.messages.ContentType;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.reply.HistoryReply;
import org.dflib.jjava.jupyter.messages.reply.KernelInfoReply;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Replies with the {@code "status": "ok"} field the Jupyter messaging spec requires (and the conformance
 * suite checks); JJava's own reply classes leave it out.
 */
final class Replies {

    private Replies() {
    }

    /** kernel_info_reply with a status. */
    static final class KernelInfo extends KernelInfoReply {
        @SuppressWarnings("unused") // serialised by Gson
        private final String status = "ok";

        KernelInfo(String protocol, String name, String version, LanguageInfo info, String banner, List<HelpLink> links) {
            super(protocol, name, version, info, banner, links);
        }
    }

    /**
     * history_reply with a status; entries as the spec's {@code [session, line, input]} or
     * {@code [session, line, [input, output]]} arrays.
     */
    static final class History implements ContentType<History> {
        @SuppressWarnings("unused") // serialised by Gson
        private final String status = "ok";
        @SuppressWarnings("unused") // serialised by Gson
        private final List<List<Object>> history = new ArrayList<>();

        History(List<HistoryEntry> entries, boolean withOutput) {
            for (HistoryEntry e : entries) {
                Object input = withOutput ? Arrays.asList(e.getInput(), e.hasOutput() ? e.getOutput() : null) : e.getInput();
                history.add(Arrays.asList(e.getSession(), e.getCellNumber(), input));
            }
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public MessageType<History> getType() {
            return (MessageType) HistoryReply.MESSAGE_TYPE;
        }
    }
}
