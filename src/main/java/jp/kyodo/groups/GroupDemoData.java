package jp.kyodo.groups;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jp.kyodo.accounts.AccountSummary;
import jp.kyodo.accounts.Accounts;
import jp.kyodo.shared.CityProfile;
import jp.kyodo.shared.FiscalYear;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo registry: about forty groups of a city like Honjo, across every type, field and area; most registered,
 * some waiting for review, some expiring this fiscal year, one expired. Loaded once, with the demo accounts.
 */
@Component
@Order(20)
class GroupDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(GroupDemoData.class);
    private static final byte[] PDF = "%PDF-1.4\n% demo document\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".getBytes();

    private final CivicGroups groups;
    private final GroupMembers members;
    private final GroupHistory history;
    private final GroupDocuments documents;
    private final GroupRegistry registry;
    private final Accounts accounts;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final CityProfile city;
    private final boolean demoData;
    private final String adminEmail;

    GroupDemoData(CivicGroups groups, GroupMembers members, GroupHistory history, GroupDocuments documents, GroupRegistry registry,
                  Accounts accounts, TransactionTemplate tx, Clock clock, CityProfile city,
                  @Value("${kyodo.demo-data}") boolean demoData, @Value("${kyodo.admin.email:}") String adminEmail) {
        this.groups = groups;
        this.members = members;
        this.history = history;
        this.documents = documents;
        this.registry = registry;
        this.accounts = accounts;
        this.tx = tx;
        this.clock = clock;
        this.city = city;
        this.demoData = demoData;
        this.adminEmail = adminEmail;
    }

    private record Demo(GroupType type, String name, String kana, String area, List<String> fields, int members, String purpose,
                        String activities, String place, String times, boolean welcomes, String rep, String repKana) {
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demoData || !adminEmail.isBlank()) {
            return;
        }
        tx.executeWithoutResult(status -> {
            if (groups.count() > 0) {
                return;
            }
            AccountSummary resident = accounts.findByEmail("shimin@example.jp").orElse(null);
            AccountSummary staff = accounts.findByEmail("staff@example.jp").orElse(null);
            if (resident == null || staff == null) {
                return;
            }
            load(resident.id(), staff.id());
        });

    }

    private void load(long residentId, long staffId) {
        LocalDate today = LocalDate.now(clock.withZone(city.zone()));
        FiscalYear thisYear = FiscalYear.of(today);
        List<Demo> all = demos();
        for (int i = 0; i < all.size(); i++) {
            Demo d = all.get(i);
            Instant now = clock.instant();
            CivicGroup g = CivicGroup.draft(d.type(), d.name(), d.kana(), i < 2 ? residentId : staffId, now);
            g.editBasics(d.type(), d.name(), d.kana(), LocalDate.of(1990 + (i * 7) % 33, 1 + i % 12, 1 + i % 27), d.members(),
                    i % 3 == 0 ? "年額1,000円" : (i % 3 == 1 ? "無料" : "月額300円"), d.area(), now);
            g.editActivities(new LinkedHashSet<>(d.fields()), d.purpose(), d.activities(), i % 4 == 0 ? "https://example.jp/demo/" + (i + 1) : null,
                    null, d.place(), d.times(), d.welcomes(), d.welcomes() && i % 2 == 0, now);
            g.editPeople(new Person(d.rep(), d.repKana(), "3670053", "埼玉県本庄市中央" + (1 + i % 3) + "-" + (i + 1) + "-" + (i % 9 + 1),
                            "0495-2" + (i % 10) + "-" + String.format("%04d", 1000 + i * 37), null, false, i % 5 == 0, false),
                    new Person("連絡 担当" + (i + 1), null, null, null, null, "contact" + (i + 1) + "@example.jp", false, false, i % 7 == 0),
                    now);
            // Most people gave their consent on paper; a few contact people have not answered yet.
            g.consent("rep", true, true, true, now);
            if (i % 14 == 0) {
                g.consent("contact", true, true, true, now);
            }
            g.documentsDone(now);
            g.declare(true, true, true, true, now);
            groups.save(g);
            for (DocumentKind kind : DocumentKind.values()) {
                documents.save(g.id(), kind, kind.name().toLowerCase() + ".pdf", "application/pdf", PDF, staffId, now);
            }
            boolean pending = i >= all.size() - 4;
            boolean draft = i == 1;
            if (draft) {
                members.save(new GroupMember(g.id(), residentId, GroupRole.REPRESENTATIVE, now));
                continue;
            }
            g.submit(now);
            history.save(new GroupHistoryEntry(g.id(), now, null, "demo", "submitted", null));
            if (pending) {
                members.save(new GroupMember(g.id(), i == all.size() - 1 ? residentId : staffId, GroupRole.STAFF, now));
                continue;
            }
            // Registered last fiscal year (expiring this year) or this year; one from long ago has expired.
            boolean expired = i == all.size() - 5;
            FiscalYear registeredIn = expired ? thisYear.previous().previous() : (i % 3 == 0 ? thisYear.previous() : thisYear);
            LocalDate registeredOn = registeredIn.start().plusDays(30 + i);
            if (registeredOn.isAfter(today)) {
                registeredOn = today;
            }
            g.approve(registry.issueNumber(registeredIn), registeredOn, registry.validUntil(registeredOn), now);
            if (expired) {
                groups.save(g);
                groups.flush();
                registry.expire(g);
            }
            history.save(new GroupHistoryEntry(g.id(), now, null, "demo", "approved", g.registrationNumber()));
            members.save(new GroupMember(g.id(), i == 0 ? residentId : staffId, i == 0 ? GroupRole.REPRESENTATIVE : GroupRole.STAFF, now));
        }
        log.info("Loaded {} demo groups", all.size());
    }

    private static Demo d(GroupType type, String name, String kana, String area, String fields, int members, String purpose,
                          String activities, String place, String times, boolean welcomes, String rep, String repKana) {
        return new Demo(type, name, kana, area, List.of(fields.split(",")), members, purpose, activities, place, times, welcomes, rep, repKana);
    }

    private static List<Demo> demos() {
        GroupType C = GroupType.CIVIC, M = GroupType.COMMUNITY, B = GroupType.BUSINESS, O = GroupType.OTHER_ORG;
        return List.of(
                d(C, "子育てサロンひまわり", "コソダテサロンヒマワリ", "honjo", "kosodate", 12,
                        "乳幼児とその保護者が気軽に集い、子育ての悩みを話し合える居場所をつくります。",
                        "毎週水曜日に親子サロンを開き、手遊びや絵本の読み聞かせ、先輩ママ・パパとの相談会を行っています。",
                        "はにぽんプラザ 交流スペース", "毎週水曜日 10時〜12時", true, "本庄 太郎", "ホンジョウ　タロウ"),
                d(C, "本庄おやこ食堂", "ホンジョウオヤコショクドウ", "honjo", "kosodate,koreisha", 9,
                        "地域の子どもから高齢者までが一緒に食卓を囲み、孤食をなくすことを目指します。",
                        "月2回、公民館の調理室で温かい夕食を提供しています(子ども無料、大人300円)。",
                        "本庄公民館 調理室", "第1・第3金曜日 17時〜19時", true, "大野 恵子", "オオノ　ケイコ"),
                d(C, "はにわ国際交流協会", "ハニワコクサイコウリュウキョウカイ", "all", "kokusai,bunka", 48,
                        "外国人住民と日本人住民が互いの文化を学び合い、共に暮らしやすいまちをつくります。",
                        "日本語教室(毎週土曜日)、多文化料理教室、防災訓練への通訳ボランティア派遣を行っています。",
                        "本庄市民活動交流センター", "毎週土曜日 13時〜15時", true, "グエン・ミン", "グエン　ミン"),
                d(C, "本庄防災ボランティアの会", "ホンジョウボウサイボランティアノカイ", "all", "bosai", 35,
                        "災害に強いまちをつくるため、市民の防災意識を高め、災害時の支援体制を整えます。",
                        "防災講座の開催、避難所運営訓練への協力、災害ボランティアセンター設置訓練を行っています。",
                        "市役所 大会議室ほか", "年6回程度", true, "石井 正人", "イシイ　マサト"),
                d(C, "こだま緑の会", "コダマミドリノカイ", "kodama", "kankyo,seiso", 22,
                        "児玉地区の里山と水辺の自然を守り、次の世代に引き継ぎます。",
                        "小山川周辺の清掃、竹林の整備、小学生向けの自然観察会を行っています。",
                        "小山川河川敷", "毎月第2日曜日 9時〜11時", true, "新井 和子", "アライ　カズコ"),
                d(C, "ごみゼロ本庄", "ゴミゼロホンジョウ", "honjo", "kankyo", 15,
                        "ごみの減量とリサイクルを市民の手で進め、資源が循環するまちを目指します。",
                        "生ごみ堆肥化講座、フードドライブ、イベントでのリユース食器の貸し出しを行っています。",
                        "本庄市民活動交流センター", "毎月第4土曜日", false, "木村 浩二", "キムラ　コウジ"),
                d(C, "シニアの笑顔応援隊", "シニアノエガオオウエンタイ", "fujita", "koreisha", 18,
                        "ひとり暮らしの高齢者が地域で安心して暮らせるよう、見守りと交流の場をつくります。",
                        "週1回の体操教室、傾聴ボランティア、買い物支援を行っています。",
                        "藤田公民館", "毎週火曜日 10時〜11時30分", true, "高橋 幸子", "タカハシ　サチコ"),
                d(C, "本庄ジュニアサッカー育成会", "ホンジョウジュニアサッカーイクセイカイ", "asahi", "sports,kosodate", 40,
                        "サッカーを通じて子どもたちの心と体を育て、地域の大人とのつながりをつくります。",
                        "小学生を対象に週末の練習と市内大会への参加、保護者向けの応急手当講習を行っています。",
                        "旭小学校 校庭", "毎週土曜日 9時〜12時", true, "斎藤 健", "サイトウ　ケン"),
                d(C, "こだま歌舞伎保存会", "コダマカブキホゾンカイ", "kodama", "bunka,matsuri", 26,
                        "地域に伝わる農村歌舞伎を保存し、子どもたちに伝えます。",
                        "定期公演(秋)、小中学生向けの歌舞伎体験教室、衣装と道具の修繕を行っています。",
                        "児玉文化会館", "毎週日曜日 14時〜17時", true, "福田 義男", "フクダ　ヨシオ"),
                d(C, "はにぽん絵本の会", "ハニポンエホンノカイ", "honjo", "kosodate,bunka", 8,
                        "絵本の読み聞かせを通じて、子どもたちが本に親しむきっかけをつくります。",
                        "図書館や保育所、小学校でのおはなし会、大型絵本の手作りを行っています。",
                        "本庄市立図書館", "毎月第1・第3土曜日 11時〜", true, "松本 友美", "マツモト　トモミ"),
                d(C, "本庄まちなみアート実行委員会", "ホンジョウマチナミアートジッコウイインカイ", "honjo", "geijutsu,matsuri", 14,
                        "中心市街地の空き店舗や歴史的建物を舞台に、アートでまちのにぎわいをつくります。",
                        "年1回のアートイベントの企画・運営、旧本庄商業銀行煉瓦倉庫でのワークショップを行っています。",
                        "旧本庄商業銀行煉瓦倉庫", "随時", true, "中島 翔", "ナカジマ　ショウ"),
                d(C, "人権を考える本庄市民の会", "ジンケンヲカンガエルホンジョウシミンノカイ", "all", "jinken", 11,
                        "あらゆる差別をなくし、一人ひとりが尊重されるまちをつくります。",
                        "人権講演会、映画上映会、学校への出前授業を行っています。",
                        "本庄市民活動交流センター", "年4回", false, "小川 真理", "オガワ　マリ"),
                d(C, "本庄駅北口まちづくり研究会", "ホンジョウエキキタグチマチヅクリケンキュウカイ", "honjo", "keikaku", 16,
                        "駅北口周辺の将来像を市民の立場から考え、市の計画づくりに提案します。",
                        "まち歩き調査、市民ワークショップの開催、提言書の作成を行っています。",
                        "本庄市民活動交流センター 会議室", "毎月第3木曜日 19時〜", true, "森田 直樹", "モリタ　ナオキ"),
                d(C, "ふれあい手話サークル", "フレアイシュワサークル", "nitte", "jinken,koreisha", 20,
                        "手話を学び、聴覚に障害のある人とともに暮らしやすい地域をつくります。",
                        "手話の学習会、イベントでの手話通訳、聴覚障害者との交流会を行っています。",
                        "仁手公民館", "毎週木曜日 19時〜21時", true, "清水 愛", "シミズ　アイ"),
                d(C, "はにぽんパトロール隊", "ハニポンパトロールタイ", "hokusen", "bohan", 30,
                        "子どもたちの登下校を見守り、犯罪のない安全なまちをつくります。",
                        "通学路での見守り、青色防犯パトロール、防犯講習会を行っています。",
                        "北泉地区 各通学路", "平日 7時30分〜8時15分", true, "山本 勇", "ヤマモト　イサム"),
                d(C, "本庄ウォーキングクラブ", "ホンジョウウォーキングクラブ", "all", "sports,koreisha", 55,
                        "歩くことを通じて健康づくりと仲間づくりを進めます。",
                        "市内の史跡をめぐる月例ウォーキング、初心者向け歩き方講座を行っています。",
                        "市内各所", "毎月第2土曜日 9時集合", true, "吉田 博", "ヨシダ　ヒロシ"),
                d(C, "子ども学習支援ひだまり", "コドモガクシュウシエンヒダマリ", "asahi", "kosodate", 10,
                        "家庭の事情に関わらず、子どもたちが学ぶ楽しさを感じられる場をつくります。",
                        "小中学生を対象にした無料の学習教室と、長期休みの体験活動を行っています。",
                        "旭公民館", "毎週月・木曜日 17時〜19時", true, "井上 美和", "イノウエ　ミワ"),
                d(C, "本庄音楽ボランティアの会", "ホンジョウオンガクボランティアノカイ", "honjo", "geijutsu,koreisha", 13,
                        "音楽の力で、高齢者施設や病院に笑顔を届けます。",
                        "施設訪問コンサート、地域のお祭りでの演奏を行っています。",
                        "市民活動交流センター 音楽スタジオ", "毎週水曜日 19時〜", true, "林 あゆみ", "ハヤシ　アユミ"),
                d(M, "中央一丁目自治会", "チュウオウイッチョウメジチカイ", "honjo", "bohan,bosai,seiso", 180,
                        "住民が助け合い、安全で住みよい地域をつくります。",
                        "防犯灯の管理、ごみ集積所の清掃、夏祭り、自主防災訓練を行っています。",
                        "中央一丁目集会所", "役員会 毎月第1日曜日", false, "田村 茂", "タムラ　シゲル"),
                d(M, "藤田地区子ども会育成会", "フジタチクコドモカイイクセイカイ", "fujita", "kosodate,matsuri", 65,
                        "地域の子どもたちの健やかな成長を、地域ぐるみで支えます。",
                        "夏休みのラジオ体操、餅つき大会、廃品回収を行っています。",
                        "藤田公民館", "行事ごと", true, "岡田 隆", "オカダ　タカシ"),
                d(M, "仁手地区老人クラブ連合会", "ニッテチクロウジンクラブレンゴウカイ", "nitte", "koreisha,sports", 120,
                        "高齢者が生きがいを持ち、健康で楽しく暮らせる地域をつくります。",
                        "グラウンドゴルフ大会、健康講座、ひとり暮らし高齢者への友愛訪問を行っています。",
                        "仁手公民館", "毎月第2水曜日", true, "金子 清", "カネコ　キヨシ"),
                d(M, "旭地区自主防災会", "アサヒチクジシュボウサイカイ", "asahi", "bosai", 95,
                        "大規模災害に備え、地区ぐるみで命を守る体制をつくります。",
                        "避難訓練、防災倉庫の点検、要支援者の名簿づくりを行っています。",
                        "旭地区 各集会所", "年2回の訓練", false, "原 康夫", "ハラ　ヤスオ"),
                d(M, "北泉まつり実行委員会", "ホクセンマツリジッコウイインカイ", "hokusen", "matsuri,bunka", 40,
                        "地域の伝統行事を受け継ぎ、世代を超えた交流の場をつくります。",
                        "秋の北泉まつりの企画・運営、山車の保存と修繕を行っています。",
                        "北泉公民館", "8月〜10月に集中", true, "上田 勝", "ウエダ　マサル"),
                d(M, "児玉町見守りネットワーク", "コダママチミマモリネットワーク", "kodama", "koreisha,bohan", 50,
                        "民生委員や自治会と連携し、誰も取り残さない見守りの網をつくります。",
                        "ひとり暮らし高齢者の定期訪問、新聞や郵便物のたまり具合の声かけを行っています。",
                        "児玉総合支所", "毎月第4月曜日 連絡会", true, "坂本 富子", "サカモト　トミコ"),
                d(M, "本庄東地区PTA連絡協議会", "ホンジョウヒガシチクピーティーエーレンラクキョウギカイ", "honjo", "kosodate,bohan", 300,
                        "学校と家庭と地域をつなぎ、子どもたちの安全と成長を支えます。",
                        "通学路の安全点検、学校応援団の取りまとめ、研修会を行っています。",
                        "本庄東小学校", "学期ごと", false, "村上 雅子", "ムラカミ　マサコ"),
                d(B, "株式会社はにわ建設", "カブシキガイシャハニワケンセツ", "honjo", "seiso,bosai", 45,
                        "地域に根ざした建設会社として、まちの安全と美化に貢献します。",
                        "ロードサポート制度による道路清掃、災害時の応急復旧協定、小学生の職場見学受け入れを行っています。",
                        "本社(本庄市見福)", "毎月第1月曜日 清掃", false, "藤井 誠", "フジイ　マコト"),
                d(B, "本庄信用金庫 地域貢献チーム", "ホンジョウシンヨウキンコチイキコウケンチーム", "all", "kosodate,bunka", 30,
                        "金融機関として、地域の経済と文化の発展を支えます。",
                        "金融教育の出前授業、地域イベントへの協賛、店舗ロビーでの市民作品展を行っています。",
                        "各支店", "随時", false, "池田 亮", "イケダ　リョウ"),
                d(B, "有限会社こだま製菓", "ユウゲンガイシャコダマセイカ", "kodama", "matsuri,kosodate", 12,
                        "地元の素材を使ったお菓子づくりで、ふるさとの魅力を伝えます。",
                        "ふるさと納税返礼品への協力、子ども向けお菓子づくり教室、まつりへの出店を行っています。",
                        "本店工房", "教室は年4回", false, "前田 幸一", "マエダ　コウイチ"),
                d(B, "ほんじょうIT合同会社", "ホンジョウアイティーゴウドウガイシャ", "honjo", "keikaku,koreisha", 8,
                        "ITの力で、地域の人と活動をつなぎます。",
                        "高齢者向けスマートフォン教室、市民活動団体のホームページ作成支援を行っています。",
                        "本庄市民活動交流センター", "毎月第2火曜日 教室", true, "西村 拓也", "ニシムラ　タクヤ"),
                d(B, "はにぽんスポーツクラブ株式会社", "ハニポンスポーツクラブカブシキガイシャ", "asahi", "sports", 20,
                        "スポーツを通じた健康づくりと、地域スポーツの担い手づくりを進めます。",
                        "市内スポーツイベントへのスタッフ派遣、障害者スポーツ体験会を行っています。",
                        "クラブハウス", "随時", true, "橋本 大輔", "ハシモト　ダイスケ"),
                d(O, "社会福祉法人ふじの会", "シャカイフクシホウジンフジノカイ", "fujita", "koreisha,jinken", 85,
                        "高齢者と障害のある人が、地域で自分らしく暮らせるよう支えます。",
                        "地域の介護予防教室、認知症カフェ、福祉の仕事体験会を行っています。",
                        "ふじの里", "認知症カフェ 毎月第3土曜日", true, "安藤 和也", "アンドウ　カズヤ"),
                d(O, "学校法人本庄学園", "ガッコウホウジンホンジョウガクエン", "honjo", "kokusai,kosodate", 150,
                        "教育機関として、地域に学びの場を開きます。",
                        "公開講座、留学生と地域住民の交流会、小学生向け科学教室を行っています。",
                        "本庄学園 キャンパス", "公開講座 年10回", false, "長谷川 聡", "ハセガワ　サトシ"),
                d(O, "社会福祉法人はにわ福祉会", "シャカイフクシホウジンハニワフクシカイ", "nitte", "kosodate,koreisha", 60,
                        "子どもから高齢者まで、誰もが安心して暮らせる地域福祉を進めます。",
                        "子ども食堂への食材提供、地域の見守り活動への職員派遣を行っています。",
                        "はにわ福祉センター", "随時", true, "近藤 由美", "コンドウ　ユミ"),
                d(C, "本庄写真クラブ", "ホンジョウシャシンクラブ", "honjo", "geijutsu,bunka", 25,
                        "写真を通じて、本庄の四季と人の営みを記録し、伝えます。",
                        "月例撮影会、市民ギャラリーでの写真展、まちの記録写真のアーカイブを行っています。",
                        "本庄市民活動交流センター", "毎月第1日曜日", true, "小林 俊夫", "コバヤシ　トシオ"),
                d(C, "小山川クリーン大作戦", "コヤマガワクリーンダイサクセン", "hokusen", "seiso,kankyo", 33,
                        "川をきれいにし、水辺で遊べる環境を取り戻します。",
                        "年3回の一斉清掃、水質調査、外来植物の駆除を行っています。",
                        "小山川河川敷", "4月・7月・11月", true, "青木 誠一", "アオキ　セイイチ"),
                d(C, "本庄みらい子ども劇団", "ホンジョウミライコドモゲキダン", "honjo", "geijutsu,kosodate", 28,
                        "演劇を通じて、子どもたちの表現力と協調性を育てます。",
                        "年1回の定期公演と、地域行事での寸劇の披露を行っています。",
                        "市民活動交流センター 多目的ホール", "毎週土曜日 13時〜16時", true, "杉山 里美", "スギヤマ　サトミ"),
                d(C, "はにぽん多文化キッチン", "ハニポンタブンカキッチン", "honjo", "kokusai", 7,
                        "料理を通じて、外国につながる住民と地域の人が出会う場をつくります。",
                        "各国の家庭料理を一緒につくって食べる交流会を行っています。",
                        "市民活動交流センター 調理室", "隔月第2日曜日", true, "マリア・サントス", "マリア　サントス"),
                d(C, "本庄囲碁将棋同好会", "ホンジョウイゴショウギドウコウカイ", "fujita", "bunka,koreisha", 16,
                        "囲碁と将棋を楽しみながら、世代を超えた交流を広げます。",
                        "週1回の対局会と、小学生向けの入門教室を行っています。",
                        "藤田公民館 和室", "毎週金曜日 13時〜17時", true, "佐野 哲也", "サノ　テツヤ"),
                d(C, "ママの防災ラボ", "ママノボウサイラボ", "asahi", "bosai,kosodate", 6,
                        "子育て世代の視点で、家庭でできる防災を広めます。",
                        "防災グッズづくりのワークショップ、子連れ避難の勉強会を行っています。",
                        "旭公民館", "毎月1回", true, "川口 さやか", "カワグチ　サヤカ"),
                d(C, "本庄里山トレイルの会", "ホンジョウサトヤマトレイルノカイ", "kodama", "sports,kankyo", 19,
                        "里山の散策路を整備し、自然の中で体を動かす楽しさを伝えます。",
                        "散策路の草刈りと道標の設置、ガイド付きハイキングを行っています。",
                        "児玉地区の里山", "毎月第3日曜日", true, "野村 健太", "ノムラ　ケンタ"));
    }
}
