package jp.kyodo.accounts;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface DepartmentRepository extends JpaRepository<Department, Long> {

    List<Department> findAllByOrderByCodeAsc();

    boolean existsByCode(String code);
}
