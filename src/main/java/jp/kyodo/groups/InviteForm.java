package jp.kyodo.groups;

/** The invitation form on a group's people page. */
class InviteForm {

    private String email;
    private String role = GroupRole.MEMBER.name();

    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getRole() { return role; }
    public void setRole(String role) { this.role = role; }
}
