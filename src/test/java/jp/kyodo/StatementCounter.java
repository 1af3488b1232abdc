package jp.kyodo;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the SQL statements the portal prepares on the current thread: the application's {@link DataSource} is
 * wrapped (in tests only) so that each {@code prepareStatement}, {@code createStatement} and {@code prepareCall} on
 * one of its connections is counted while {@link #start()} is in effect on that thread. A MockMvc request runs on
 * the test's thread, so the count is the work one page does.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCounter {

    private static final Set<String> STATEMENTS = Set.of("prepareStatement", "createStatement", "prepareCall");
    private static final ThreadLocal<AtomicInteger> COUNT = new ThreadLocal<>();
    private static final ThreadLocal<java.util.Map<String, Integer>> SQL = new ThreadLocal<>();
    private static final ThreadLocal<java.util.Map<String, Integer>> LAST = new ThreadLocal<>();

    /** Starts counting on this thread from zero. */
    public static void start() {
        COUNT.set(new AtomicInteger());
        SQL.set(new java.util.LinkedHashMap<>());
    }

    /** The statements prepared since {@link #start()} on this thread, each with how often; valid until the next start. */
    public static java.util.Map<String, Integer> statements() {
        java.util.Map<String, Integer> sql = SQL.get() != null ? SQL.get() : LAST.get();
        return sql == null ? java.util.Map.of() : sql;
    }

    /** Stops counting on this thread and tells how many statements were prepared since {@link #start()}. */
    public static int stop() {
        AtomicInteger count = COUNT.get();
        COUNT.remove();
        LAST.set(SQL.get());
        SQL.remove();
        if (count == null) {
            throw new IllegalStateException("Not counting on this thread");
        }
        return count.get();
    }

    @Bean
    static BeanPostProcessor countingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DataSource dataSource && !Proxy.isProxyClass(bean.getClass())) {
                    return Proxy.newProxyInstance(StatementCounter.class.getClassLoader(),
                            new Class<?>[] {DataSource.class, AutoCloseable.class}, dataSourceHandler(dataSource));
                }
                return bean;
            }
        };
    }

    private static InvocationHandler dataSourceHandler(DataSource target) {
        return (proxy, method, args) -> {
            Object identity = identity(proxy, method, args);
            if (identity != null) {
                return identity;
            }
            if (method.getName().equals("close") && !(target instanceof AutoCloseable)) {
                return null;
            }
            Object result = invoke(target, method, args);
            if (result instanceof Connection connection && method.getName().equals("getConnection")) {
                return Proxy.newProxyInstance(StatementCounter.class.getClassLoader(),
                        new Class<?>[] {Connection.class}, connectionHandler(connection));
            }
            return result;
        };
    }

    private static InvocationHandler connectionHandler(Connection target) {
        return (proxy, method, args) -> {
            Object identity = identity(proxy, method, args);
            if (identity != null) {
                return identity;
            }
            if (STATEMENTS.contains(method.getName())) {
                AtomicInteger count = COUNT.get();
                if (count != null) {
                    count.incrementAndGet();
                    String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : method.getName();
                    SQL.get().merge(sql.replaceAll("\\s+", " ").strip(), 1, Integer::sum);
                }
            }
            return invoke(target, method, args);
        };
    }

    /** A proxy is equal only to itself, whatever its target says. */
    private static Object identity(Object proxy, Method method, Object[] args) {
        return switch (method.getName()) {
            case "equals" -> args != null && args.length == 1 ? proxy == args[0] : null;
            case "hashCode" -> args == null ? System.identityHashCode(proxy) : null;
            default -> null;
        };
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
