package jp.kyodo.centre;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.List;
import jakarta.servlet.http.HttpServletResponse;
import jp.kyodo.shared.ApiPage;
import jp.kyodo.shared.Csv;
import jp.kyodo.shared.OpenDataset;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The civic activity centre's rooms as open data: capacity, equipment and hourly rates; never a booking. */
@RestController
class CentreOpenDataController {

    private final Bookings bookings;

    CentreOpenDataController(Bookings bookings) {
        this.bookings = bookings;
    }

    /** A room. */
    record RoomJson(long id, String code, String name, String nameEn, int capacity, String equipment, String equipmentEn,
                    long activityRatePerHour, long standardRatePerHour, String url) {
    }

    static final List<String> COLUMNS = List.of("ID", "コード", "部屋名", "部屋名_英字", "定員", "設備", "設備_英字", "団体活動料金(円/時間)",
            "一般料金(円/時間)", "URL");

    @Bean
    static OpenDataset roomsDataset() {
        return new OpenDataset("centre-rooms", "市民活動交流センターの部屋", "Rooms of the civic activity centre",
                "市民活動交流センターの貸室と定員・設備・1時間あたりの料金。予約者の情報は含まない。",
                "The centre's rooms with capacity, equipment and hourly rates. No booking or booker.",
                "/opendata/centre-rooms.csv", "/api/v1/centre/rooms", COLUMNS, 60);
    }

    @GetMapping("/api/v1/centre/rooms")
    @Operation(summary = "Rooms of the civic activity centre (市民活動交流センターの部屋)", description = "Rooms with capacity, equipment and hourly rates in yen.")
    ApiPage<RoomJson> rooms(@Parameter(description = "Page number from 0") @RequestParam(defaultValue = "0") int page,
                            @Parameter(description = "Page size, at most 100") @RequestParam(defaultValue = "20") int size) {
        return ApiPage.of(all(), page, size);
    }

    @GetMapping("/opendata/centre-rooms.csv")
    void csv(HttpServletResponse response) throws IOException {
        Writer out = Csv.download(response, "centre-rooms.csv", COLUMNS);
        for (RoomJson r : all()) {
            out.write(Csv.row(Arrays.asList(String.valueOf(r.id()), r.code(), r.name(), r.nameEn(), String.valueOf(r.capacity()),
                    r.equipment(), r.equipmentEn(), String.valueOf(r.activityRatePerHour()), String.valueOf(r.standardRatePerHour()), r.url())));
        }
        out.flush();
    }

    private List<RoomJson> all() {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        return bookings.rooms().stream().map(r -> new RoomJson(r.id(), r.code(), r.name(), r.nameEn(), r.capacity(), r.equipment(),
                r.equipmentEn(), r.activityRate(), r.standardRate(), base + "/centre/rooms/" + r.id())).toList();
    }
}
