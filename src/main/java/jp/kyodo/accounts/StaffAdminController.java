package jp.kyodo.accounts;

import jp.kyodo.shared.InvalidInputException;
import jp.kyodo.shared.FormErrors;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators manage staff, committee members and administrators, and the city's departments. */
@Controller
@RequestMapping("/admin")
class StaffAdminController {

    private static final int PAGE_SIZE = 50;

    private final StaffAdministration admin;
    private final SecondFactor secondFactor;
    private final PortalUrls urls;

    StaffAdminController(StaffAdministration admin, PortalUrls urls, SecondFactor secondFactor) {
        this.secondFactor = secondFactor;
        this.admin = admin;
        this.urls = urls;
    }

    @ModelAttribute("assignableRoles")
    Set<Role> assignableRoles() {
        return StaffAdministration.STAFF_ROLES;
    }

    @GetMapping("/staff")
    String staff(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("page", admin.staff(q, PageRequest.of(Math.max(page, 0), PAGE_SIZE)));
        return "accounts/admin/staff-list";
    }

    @GetMapping("/staff/new")
    String newStaff(Model model) {
        StaffForm form = new StaffForm();
        form.setEnabled(true);
        model.addAttribute("form", form);
        model.addAttribute("departments", admin.departments());
        return "accounts/admin/staff-form";
    }

    @jp.kyodo.shared.AsksPasswordAgain
    @PostMapping("/staff/new")
    String invite(@ModelAttribute("form") StaffForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        try {
            admin.invite(form.getName(), form.getEmail(), form.getDepartmentId(), form.roleSet(), urls.base());
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e);
            model.addAttribute("departments", admin.departments());
            return "accounts/admin/staff-form";
        }
        redirect.addFlashAttribute("notice", "notice.staff.invited");
        return "redirect:/admin/staff";
    }

    @GetMapping("/staff/{id}")
    String editStaff(@PathVariable long id, Model model) {
        AccountSummary a = admin.account(id);
        StaffForm form = new StaffForm();
        form.setId(a.id());
        form.setName(a.name());
        form.setEmail(a.email());
        form.setDepartmentId(a.departmentId());
        form.setRoles(new LinkedHashSet<>(a.roles()));
        form.getRoles().remove(Role.RESIDENT);
        form.setEnabled(a.status() == AccountStatus.ACTIVE);
        form.setVersion(a.version());
        model.addAttribute("form", form);
        model.addAttribute("departments", admin.departments());
        model.addAttribute("secondFactorEnabled", secondFactor.enabled(id));
        return "accounts/admin/staff-form";
    }

    /** Clears a staff member's authenticator app (a lost or changed phone): their sessions end, and they set it up again. */
    @jp.kyodo.shared.AsksPasswordAgain
    @PostMapping("/staff/{id}/second-factor/reset")
    String resetSecondFactor(@PathVariable long id, @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        secondFactor.reset(id, user);
        redirect.addFlashAttribute("notice", "notice.secondFactor.reset");
        return "redirect:/admin/staff/" + id;
    }

    @jp.kyodo.shared.AsksPasswordAgain
    @PostMapping("/staff/{id}")
    String updateStaff(@PathVariable long id, @ModelAttribute("form") StaffForm form, BindingResult result,
                       @AuthenticationPrincipal SignedInUser user, Model model, RedirectAttributes redirect) {
        try {
            admin.update(id, form.getVersion(), form.getName(), form.getDepartmentId(), form.roleSet(), form.isEnabled(), user.accountId());
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e);
            form.setId(id);
            AccountSummary current = admin.account(id);
            form.setEmail(current.email());
            if (e.concerns("version")) {
                form.setVersion(current.version());
            }
            model.addAttribute("departments", admin.departments());
            return "accounts/admin/staff-form";
        }
        redirect.addFlashAttribute("notice", "notice.staff.saved");
        return "redirect:/admin/staff";
    }

    @GetMapping("/departments")
    String departments(Model model) {
        model.addAttribute("departments", admin.departments());
        return "accounts/admin/departments";
    }

    @GetMapping("/departments/new")
    String newDepartment(Model model) {
        DepartmentForm form = new DepartmentForm();
        form.setActive(true);
        model.addAttribute("form", form);
        return "accounts/admin/department-form";
    }

    @PostMapping("/departments/new")
    String createDepartment(@ModelAttribute("form") DepartmentForm form, BindingResult result, RedirectAttributes redirect) {
        try {
            admin.createDepartment(form.getCode(), form.getName(), form.getNameEn(), form.isSecretariat());
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e);
            return "accounts/admin/department-form";
        }
        redirect.addFlashAttribute("notice", "notice.department.saved");
        return "redirect:/admin/departments";
    }

    @GetMapping("/departments/{id}")
    String editDepartment(@PathVariable long id, Model model) {
        DepartmentView d = admin.department(id);
        DepartmentForm form = new DepartmentForm();
        form.setId(d.id());
        form.setCode(d.code());
        form.setName(d.name());
        form.setNameEn(d.nameEn());
        form.setSecretariat(d.secretariat());
        form.setActive(d.active());
        form.setVersion(d.version());
        model.addAttribute("form", form);
        return "accounts/admin/department-form";
    }

    @PostMapping("/departments/{id}")
    String updateDepartment(@PathVariable long id, @ModelAttribute("form") DepartmentForm form, BindingResult result,
                            RedirectAttributes redirect) {
        try {
            admin.updateDepartment(id, form.getVersion(), form.getName(), form.getNameEn(), form.isSecretariat(), form.isActive());
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e);
            form.setId(id);
            DepartmentView current = admin.department(id);
            form.setCode(current.code());
            if (e.concerns("version")) {
                form.setVersion(current.version());
            }
            return "accounts/admin/department-form";
        }
        redirect.addFlashAttribute("notice", "notice.department.saved");
        return "redirect:/admin/departments";
    }

    /** A staff account as the administrator typed it. */
    static class StaffForm {
        private Long id;
        private String name;
        private String email;
        private Long departmentId;
        private Set<Role> roles = new LinkedHashSet<>();
        private boolean enabled;
        private long version;

        Set<Role> roleSet() {
            // A blank or control-character value binds to null: it names no role.
            EnumSet<Role> set = EnumSet.noneOf(Role.class);
            if (roles != null) {
                roles.stream().filter(java.util.Objects::nonNull).forEach(set::add);
            }
            return set;
        }

        public Long getId() { return id; }
        public void setId(Long id) { this.id = id; }
        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getEmail() { return email; }
        public void setEmail(String email) { this.email = email; }
        public Long getDepartmentId() { return departmentId; }
        public void setDepartmentId(Long departmentId) { this.departmentId = departmentId; }
        public Set<Role> getRoles() { return roles; }
        public void setRoles(Set<Role> roles) { this.roles = roles; }
        public boolean isEnabled() { return enabled; }
        public void setEnabled(boolean enabled) { this.enabled = enabled; }
        public long getVersion() { return version; }
        public void setVersion(long version) { this.version = version; }
    }

    /** A department as the administrator typed it. */
    static class DepartmentForm {
        private Long id;
        private String code;
        private String name;
        private String nameEn;
        private boolean secretariat;
        private boolean active;
        private long version;

        public Long getId() { return id; }
        public void setId(Long id) { this.id = id; }
        public String getCode() { return code; }
        public void setCode(String code) { this.code = code; }
        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getNameEn() { return nameEn; }
        public void setNameEn(String nameEn) { this.nameEn = nameEn; }
        public boolean isSecretariat() { return secretariat; }
        public void setSecretariat(boolean secretariat) { this.secretariat = secretariat; }
        public boolean isActive() { return active; }
        public void setActive(boolean active) { this.active = active; }
        public long getVersion() { return version; }
        public void setVersion(long version) { this.version = version; }
    }
}
