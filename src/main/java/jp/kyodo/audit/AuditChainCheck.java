package jp.kyodo.audit;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The audit log check as a command: started with {@code --kyodo.audit.verify}, the portal checks the chain, prints
 * what it found and exits with 0 when the chain is intact, 1 when it is broken.
 *
 * <pre>java -jar target/kyodo.jar --kyodo.audit.verify --spring.main.web-application-type=none</pre>
 */
@Component
@ConditionalOnProperty("kyodo.audit.verify")
class AuditChainCheck implements ApplicationRunner {

    private final AuditChain chain;
    private final ConfigurableApplicationContext context;

    AuditChainCheck(AuditChain chain, ConfigurableApplicationContext context) {
        this.chain = chain;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        int code = report(chain.verify(), System.out);
        System.exit(SpringApplication.exit(context, () -> code));
    }

    /** Prints the result; returns the exit code. */
    static int report(AuditChain.Verification v, java.io.PrintStream out) {
        out.println("audit log: " + v.checked() + " sealed entries checked, " + v.unsealed() + " not sealed yet");
        out.println("audit log: head hash " + v.headHash());
        if (v.intact()) {
            out.println("audit log: INTACT");
            return 0;
        }
        out.println("audit log: BROKEN at chain position " + v.firstBroken()
                + " (that entry, or one before it, was changed, removed or inserted)");
        return 1;
    }
}
