package jp.kyodo.audit;

import java.time.LocalDate;
import jp.kyodo.shared.JapaneseDates;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Administrators browse and filter the audit log. */
@Controller
class AuditAdminController {

    private static final int PAGE_SIZE = 50;

    private final AuditLog auditLog;
    private final AuditChain chain;

    AuditAdminController(AuditLog auditLog, AuditChain chain) {
        this.auditLog = auditLog;
        this.chain = chain;
    }

    /** Recomputes the audit log's hash chain from the first entry and shows the result. */
    @GetMapping("/admin/audit/chain")
    String chain(Model model) {
        model.addAttribute("chain", chain.verify());
        return "audit/admin/chain";
    }

    /** Beyond any real log, and far from where the row offset would overflow (a typed 1234567890). */
    private static final int MAX_PAGE = 1_000_000;

    @GetMapping("/admin/audit")
    String list(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                @RequestParam(required = false) String recordType, @RequestParam(required = false) String recordId,
                @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(defaultValue = "0") int page, Model model) {
        LocalDate fromDate = JapaneseDates.tryParse(from).orElse(null);
        LocalDate toDate = JapaneseDates.tryParse(to).orElse(null);
        if (from != null && !from.isBlank() && fromDate == null) {
            model.addAttribute("fromError", true);
        }
        if (to != null && !to.isBlank() && toDate == null) {
            model.addAttribute("toError", true);
        }
        AuditQuery query = new AuditQuery(actor, action, recordType, recordId, fromDate, toDate);
        model.addAttribute("filter", new Filter(actor, action, recordType, recordId, from, to));
        model.addAttribute("page", auditLog.search(query, PageRequest.of(Math.clamp(page, 0, MAX_PAGE), PAGE_SIZE)));
        model.addAttribute("actions", auditLog.actions());
        model.addAttribute("recordTypes", auditLog.recordTypes());
        return "audit/admin/list";
    }

    /** The filter as typed, shown back in the form. */
    record Filter(String actor, String action, String recordType, String recordId, String from, String to) {
    }
}
