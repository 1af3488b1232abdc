package jp.kyodo.participation;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.kyodo.accounts.Role;
import jp.kyodo.accounts.SignedInUser;
import jp.kyodo.shared.Downloads;
import jp.kyodo.shared.InvalidInputException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A department's workshops: drafting, publishing, cancelling, the registrants and waiting list, attendance and outputs. */
@Controller
@RequestMapping("/staff/participation/workshops")
class StaffWorkshopController {

    private final Workshops workshops;

    StaffWorkshopController(Workshops workshops) {
        this.workshops = workshops;
    }

    @GetMapping
    String list(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("workshops", workshops.forDepartment(user.departmentId(), user.has(Role.ADMIN)));
        return "participation/staff-workshops";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        return showForm(model, Map.of(), null);
    }

    private String showForm(Model model, Map<String, String> typed, InvalidInputException errors) {
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        return "participation/staff-workshop-form";
    }

    @PostMapping("/new")
    String create(@AuthenticationPrincipal SignedInUser user, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        if (user.departmentId() == null) {
            throw PublicComments.notFound();
        }
        try {
            long id = workshops.create(user, user.departmentId(), params);
            redirect.addFlashAttribute("notice", "notice.ws.saved");
            return "redirect:/staff/participation/workshops/" + id;
        } catch (InvalidInputException e) {
            return showForm(model, params, e);
        }
    }

    @GetMapping("/{id}")
    String workshop(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, Model model) {
        return show(user, id, model, Map.of(), null);
    }

    private String show(SignedInUser user, long id, Model model, Map<String, String> typed, InvalidInputException errors) {
        Workshops.Workshop w = workshops.forDepartment(id, user.departmentId(), user.has(Role.ADMIN));
        List<Workshops.Registration> all = workshops.registrations(id);
        model.addAttribute("workshop", w);
        model.addAttribute("confirmed", all.stream().filter(r -> r.status() == Workshops.RegistrationStatus.CONFIRMED).toList());
        model.addAttribute("waiting", all.stream().filter(r -> r.status() == Workshops.RegistrationStatus.WAITING).toList());
        model.addAttribute("cancelledCount", all.stream().filter(r -> r.status() == Workshops.RegistrationStatus.CANCELLED).count());
        model.addAttribute("files", workshops.files(id));
        model.addAttribute("heldOrPast", !w.heldOn().isAfter(workshops.today()));
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        return "participation/staff-workshop";
    }

    @PostMapping("/{id}/attendance")
    String attendance(@AuthenticationPrincipal SignedInUser user, @PathVariable long id,
                      @RequestParam(name = "attended", required = false) List<Long> attended, Model model, RedirectAttributes redirect) {
        Set<Long> present = attended == null ? Set.of() : new HashSet<>(attended);
        try {
            workshops.attendance(id, user, user.departmentId(), user.has(Role.ADMIN), present);
        } catch (InvalidInputException e) {
            return show(user, id, model, Map.of(), e);
        }
        redirect.addFlashAttribute("notice", "notice.ws.attendance");
        return "redirect:/staff/participation/workshops/" + id;
    }

    @PostMapping("/{id}/files")
    String addFile(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @RequestParam(required = false) MultipartFile file,
                   @RequestParam(required = false) String fileTitle, Model model, RedirectAttributes redirect) throws IOException {
        try {
            workshops.addFile(id, user, user.departmentId(), user.has(Role.ADMIN), file == null ? null : file.getOriginalFilename(), fileTitle,
                    file == null ? null : file.getBytes());
        } catch (InvalidInputException e) {
            return show(user, id, model, fileTitle == null ? Map.of() : Map.of("fileTitle", fileTitle), e);
        }
        redirect.addFlashAttribute("notice", "notice.ws.fileAdded");
        return "redirect:/staff/participation/workshops/" + id;
    }

    @PostMapping("/{id}/files/{fileId}/delete")
    String deleteFile(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @PathVariable long fileId, RedirectAttributes redirect) {
        workshops.deleteFile(id, user, user.departmentId(), user.has(Role.ADMIN), fileId);
        redirect.addFlashAttribute("notice", "notice.ws.fileDeleted");
        return "redirect:/staff/participation/workshops/" + id;
    }

    @GetMapping("/{id}/files/{fileId}")
    ResponseEntity<byte[]> file(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @PathVariable long fileId) {
        ParticipationFiles.File f = workshops.staffFile(id, user.departmentId(), user.has(Role.ADMIN), fileId).orElseThrow(PublicComments::notFound);
        return f.image() ? Downloads.inline(f.filename(), f.contentType(), f.content())
                : Downloads.attachment(f.filename(), f.contentType(), f.content());
    }

    @PostMapping("/{id}/{action}")
    String act(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @PathVariable String action, @RequestParam Map<String, String> params,
               Model model, RedirectAttributes redirect) {
        boolean admin = user.has(Role.ADMIN);
        String notice = "notice.ws." + action;
        try {
            long version = Long.parseLong(params.getOrDefault("version", "-1"));
            switch (action) {
                case "publish" -> workshops.publish(id, user, user.departmentId(), admin, version);
                case "cancel" -> workshops.cancel(id, user, user.departmentId(), admin, version, params.get("cancelReason"));
                case "outputs" -> {
                    boolean publish = params.containsKey("publishOutputs");
                    workshops.saveOutputs(id, user, user.departmentId(), admin, version, params.get("recordText"), params.get("cityResponse"), publish);
                    notice = publish ? "notice.ws.outputsPublished" : "notice.ws.outputsSaved";
                }
                default -> throw PublicComments.notFound();
            }
        } catch (InvalidInputException e) {
            return show(user, id, model, params, e);
        } catch (NumberFormatException e) {
            throw PublicComments.notFound();
        }
        redirect.addFlashAttribute("notice", notice);
        return "redirect:/staff/participation/workshops/" + id;
    }
}
