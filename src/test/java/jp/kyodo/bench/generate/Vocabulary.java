package jp.kyodo.bench.generate;

import java.util.List;

/**
 * The generator's Japanese vocabularies: place names of Honjo and Saitama with their readings, the topics of civic
 * activity (one per activity field) with words, phrases and readings, people's names, and the rare words and small
 * places planted in a known few groups so that the search benchmark knows which groups a query should find.
 *
 * <p>Every word that makes up a group's name carries its katakana reading, so that the group's furigana is the
 * reading of its name. Rare words and small places appear nowhere else in the generated text.
 */
final class Vocabulary {

    private Vocabulary() {
    }

    /** A word and its reading in katakana. */
    record Word(String text, String kana) {

        /** The reading in hiragana, as a person types it. */
        String hiragana() {
            return Vocabulary.hiragana(kana);
        }
    }

    /** A place of the city: its name, reading and the activity area (地区) it lies in. */
    record Place(String text, String kana, String area) {

        Word word() {
            return new Word(text, kana);
        }
    }

    /**
     * A topic of civic activity: the activity field it belongs to, the words a group's name is made of, what such a
     * group aims at and does, what a project on it is called, and the theme a department would publish.
     */
    record Topic(String field, String word, String kana, List<Word> stems, List<String> purposes, List<String> activities,
                 List<String> projects, String theme) {
    }

    /** A rare activity, planted in a known few groups: the word, its reading, its field and what the group does. */
    record Rare(String text, String kana, String field, String activity) {

        Word word() {
            return new Word(text, kana);
        }
    }

    static Word w(String text, String kana) {
        return new Word(text, kana);
    }

    /** Katakana to hiragana (the long-vowel mark and other characters are kept). */
    static String hiragana(String katakana) {
        StringBuilder out = new StringBuilder(katakana.length());
        for (char c : katakana.toCharArray()) {
            out.append(c >= 'ァ' && c <= 'ヶ' ? (char) (c - 0x60) : c);
        }
        return out.toString();
    }

    /** The city's areas as the settings name them, with the places of each area used in names and addresses. */
    static final List<Place> PLACES = List.of(
            new Place("本庄", "ホンジョウ", "honjo"), new Place("本庄", "ホンジョウ", "all"), new Place("本庄市", "ホンジョウシ", "all"),
            new Place("児玉", "コダマ", "kodama"), new Place("児玉町", "コダママチ", "kodama"), new Place("こだま", "コダマ", "kodama"),
            new Place("藤田", "フジタ", "fujita"), new Place("仁手", "ニッテ", "nitte"), new Place("旭", "アサヒ", "asahi"),
            new Place("北泉", "ホクセン", "hokusen"), new Place("埼玉", "サイタマ", "all"), new Place("彩の国", "サイノクニ", "all"),
            new Place("小山川", "コヤマガワ", "hokusen"), new Place("早稲田の杜", "ワセダノモリ", "honjo"),
            new Place("本庄早稲田", "ホンジョウワセダ", "honjo"), new Place("駅南", "エキナン", "honjo"), new Place("中央", "チュウオウ", "honjo"),
            new Place("銀座", "ギンザ", "honjo"), new Place("千代田", "チヨダ", "honjo"), new Place("寿", "コトブキ", "honjo"),
            new Place("東台", "ヒガシダイ", "honjo"), new Place("見福", "ミフク", "honjo"), new Place("日の出", "ヒノデ", "honjo"),
            new Place("栄", "サカエ", "honjo"), new Place("八幡山", "ハチマンヤマ", "kodama"), new Place("金屋", "カナヤ", "kodama"),
            new Place("共栄", "キョウエイ", "kodama"), new Place("はにぽん", "ハニポン", "all"), new Place("女堀川", "オンナボリガワ", "kodama"),
            new Place("藤田東", "フジタヒガシ", "fujita"), new Place("旭町", "アサヒチョウ", "asahi"), new Place("北泉町", "ホクセンチョウ", "hokusen"));

    /**
     * Small places (大字) planted each in a known few groups' names. None is part of another word the generator uses.
     */
    static final List<Place> SMALL_PLACES = List.of(
            new Place("傍示堂", "ボウジドウ", "honjo"), new Place("久々宇", "クグウ", "honjo"), new Place("沼和田", "ヌマワダ", "honjo"),
            new Place("下野堂", "シモノドウ", "honjo"), new Place("牧西", "モクサイ", "asahi"), new Place("宮戸", "ミヤド", "asahi"),
            new Place("都島", "ミヤコジマ", "nitte"), new Place("滝瀬", "タキセ", "hokusen"), new Place("山王堂", "サンノウドウ", "nitte"),
            new Place("五十子", "イカッコ", "honjo"), new Place("北堀", "キタボリ", "honjo"), new Place("蛭川", "ヒルカワ", "kodama"),
            new Place("保木野", "ホキノ", "kodama"), new Place("高柳", "タカヤナギ", "kodama"), new Place("飯倉", "イイグラ", "kodama"),
            new Place("小平", "オダイラ", "kodama"), new Place("稲沢", "イナザワ", "kodama"), new Place("長沖", "ナガオキ", "kodama"),
            new Place("下浅見", "シモアザミ", "kodama"), new Place("元田", "モトダ", "kodama"), new Place("太駄", "オオダ", "kodama"),
            new Place("吉田林", "キタバヤシ", "kodama"), new Place("入浅見", "イリアザミ", "kodama"), new Place("塩谷", "シオヤ", "kodama"),
            new Place("鵜森", "ウノモリ", "fujita"), new Place("石神", "イシガミ", "hokusen"), new Place("上真下", "カミマシモ", "kodama"),
            new Place("今井新田", "イマイシンデン", "hokusen"), new Place("七本木", "シチホンギ", "kodama"), new Place("勅使河原", "テシガワラ", "fujita"));

    /** Rare activities planted each in a known few groups' names and activities. */
    static final List<Rare> RARE = List.of(
            new Rare("竹細工", "タケザイク", "bunka", "竹細工の教室を開き、かごや花器づくりを教えています"),
            new Rare("藍染め", "アイゾメ", "geijutsu", "藍染めの体験会を開き、手ぬぐいや布小物を染めています"),
            new Rare("養蚕", "ヨウサン", "bunka", "養蚕の歴史を学び、桑の栽培と蚕の飼育を体験する会を開いています"),
            new Rare("繭玉", "マユダマ", "bunka", "繭玉飾りづくりを通じて、絹のまちの暮らしを伝えています"),
            new Rare("埴輪", "ハニワ", "bunka", "埴輪のレプリカづくりの教室と、出土品の見学会を開いています"),
            new Rare("獅子舞", "シシマイ", "matsuri", "獅子舞の稽古を続け、地域の祭礼で奉納しています"),
            new Rare("和太鼓", "ワダイコ", "geijutsu", "和太鼓の練習を重ね、地域の行事で演奏しています"),
            new Rare("紙芝居", "カミシバイ", "kosodate", "手づくりの紙芝居を保育所や図書館で上演しています"),
            new Rare("古文書", "コモンジョ", "bunka", "古文書を読み解く勉強会を開き、地域の歴史をまとめています"),
            new Rare("野鳥観察", "ヤチョウカンサツ", "kankyo", "河川敷で野鳥観察会を開き、見られた鳥を記録しています"),
            new Rare("星空観察", "ホシゾラカンサツ", "kosodate", "親子で楽しむ星空観察会を季節ごとに開いています"),
            new Rare("俳句", "ハイク", "bunka", "月例の句会を開き、俳句の作品集を発行しています"),
            new Rare("落語", "ラクゴ", "geijutsu", "落語の寄席を公民館や高齢者施設で開いています"),
            new Rare("凧揚げ", "タコアゲ", "kosodate", "正月に凧揚げ大会を開き、凧づくり教室も行っています"),
            new Rare("盆栽", "ボンサイ", "bunka", "盆栽の手入れを学ぶ会と展示会を開いています"),
            new Rare("点字", "テンジ", "jinken", "点字の学習会を開き、広報紙の点字版をつくっています"),
            new Rare("手品", "テジナ", "geijutsu", "手品のショーで施設や子ども会の行事を盛り上げています"),
            new Rare("将棋", "ショウギ", "bunka", "将棋の対局会と子ども向けの入門教室を開いています"),
            new Rare("囲碁", "イゴ", "bunka", "囲碁の対局会と初心者講座を開いています"),
            new Rare("蕎麦打ち", "ソバウチ", "bunka", "蕎麦打ちの講習会を開き、地域の行事で振る舞っています"),
            new Rare("餅つき", "モチツキ", "matsuri", "年末の餅つき大会を開き、杵と臼を貸し出しています"),
            new Rare("草木染め", "クサキゾメ", "geijutsu", "草木染めの講座を開き、地元の植物で布を染めています"),
            new Rare("陶芸", "トウゲイ", "geijutsu", "陶芸教室を開き、作品展を毎年開いています"),
            new Rare("木工", "モッコウ", "geijutsu", "木工教室を開き、ベンチや巣箱をつくって地域に届けています"),
            new Rare("蛍", "ホタル", "kankyo", "蛍が舞う水辺を守るため、水路の清掃と幼虫の放流を行っています"),
            new Rare("古墳", "コフン", "bunka", "古墳の清掃と案内ボランティアを行っています"),
            new Rare("鉄道模型", "テツドウモケイ", "kosodate", "鉄道模型の運転会を開き、子どもたちに楽しんでもらっています"),
            new Rare("朗読", "ロウドク", "jinken", "朗読の録音図書をつくり、目の不自由な人に届けています"),
            new Rare("腹話術", "フクワジュツ", "geijutsu", "腹話術の公演で高齢者施設を訪問しています"),
            new Rare("折り紙", "オリガミ", "kosodate", "折り紙教室を開き、作品を病院や施設に贈っています"),
            new Rare("大正琴", "タイショウゴト", "geijutsu", "大正琴の合奏を楽しみ、地域の催しで演奏しています"),
            new Rare("詩吟", "シギン", "bunka", "詩吟の稽古と発表会を行っています"),
            new Rare("日本舞踊", "ニホンブヨウ", "bunka", "日本舞踊の稽古を重ね、敬老会で披露しています"),
            new Rare("里親", "サトオヤ", "kosodate", "里親制度を知ってもらう講座と、里親家庭の交流会を開いています"),
            new Rare("傾聴", "ケイチョウ", "koreisha", "傾聴の研修を受けた会員が、ひとり暮らしの方のお話をうかがっています"),
            new Rare("点訳", "テンヤク", "jinken", "図書の点訳を行い、点字図書館に届けています"),
            new Rare("生け花", "イケバナ", "bunka", "生け花の教室を開き、公共施設に花を飾っています"),
            new Rare("押し花", "オシバナ", "geijutsu", "押し花のしおりやカードをつくる教室を開いています"),
            new Rare("流しそうめん", "ナガシソウメン", "matsuri", "夏休みに竹を使った流しそうめんの会を開いています"),
            new Rare("田植え踊り", "タウエオドリ", "matsuri", "田植え踊りを保存し、子どもたちに伝えています"));

    /** How many groups each rare word or small place is planted in at scale 1 (a small set, 2 to 45 groups). */
    static int plantedCount(int index) {
        int[] counts = {3, 8, 15, 25, 40, 5, 12, 30, 2, 20, 45, 6, 10, 18, 35};
        return counts[index % counts.length];
    }

    /** One topic per activity field of the city's settings. */
    static final List<Topic> TOPICS = List.of(
            new Topic("kosodate", "子育て", "コソダテ",
                    List.of(w("子育て", "コソダテ"), w("子育て支援", "コソダテシエン"), w("親子", "オヤコ"), w("子ども食堂", "コドモショクドウ"),
                            w("絵本", "エホン"), w("学習支援", "ガクシュウシエン"), w("子ども", "コドモ"), w("プレーパーク", "プレーパーク")),
                    List.of("子育て中の親子が気軽に集い、悩みを話し合える居場所をつくります",
                            "地域の子どもたちが安心して過ごせる居場所をつくり、子育てを地域全体で支えます",
                            "家庭の事情にかかわらず、子どもたちが学ぶ楽しさを感じられる場をつくります",
                            "子どもの健やかな成長を願い、保護者どうしのつながりを広げます"),
                    List.of("毎週の親子サロン", "絵本の読み聞かせ会", "子ども食堂", "小中学生の学習教室", "子育て相談会", "外遊びの会",
                            "子育て情報紙の発行", "乳幼児の一時預かりの手伝い"),
                    List.of("親子の居場所づくり", "子育て応援フェア", "子ども食堂のネットワークづくり", "放課後の学びの場", "子育て情報マップづくり"),
                    "子育て世代の孤立を防ぐ地域の居場所づくり"),
            new Topic("koreisha", "高齢者", "コウレイシャ",
                    List.of(w("高齢者", "コウレイシャ"), w("シニア", "シニア"), w("見守り", "ミマモリ"), w("介護予防", "カイゴヨボウ"),
                            w("認知症カフェ", "ニンチショウカフェ"), w("健康体操", "ケンコウタイソウ"), w("地域福祉", "チイキフクシ"), w("福祉", "フクシ")),
                    List.of("ひとり暮らしの高齢者が地域で安心して暮らせるよう、見守りと交流の場をつくります",
                            "高齢者が生きがいを持ち、健康で楽しく暮らせる地域をつくります",
                            "誰もが住み慣れた地域で自分らしく暮らせるよう、福祉の輪を広げます",
                            "介護予防と仲間づくりを通じて、元気な高齢者を増やします"),
                    List.of("週1回の健康体操", "ひとり暮らし高齢者への友愛訪問", "認知症カフェ", "買い物支援", "配食サービス", "ふれあいサロン",
                            "福祉施設への慰問", "介護予防の講座"),
                    List.of("高齢者の買い物支援", "認知症の人と家族の居場所", "介護予防の通いの場づくり", "見守りネットワークの強化", "シニアの社会参加応援"),
                    "高齢者の見守りと社会参加の仕組みづくり"),
            new Topic("bohan", "防犯", "ボウハン",
                    List.of(w("防犯", "ボウハン"), w("見守り隊", "ミマモリタイ"), w("パトロール", "パトロール"), w("安全安心", "アンゼンアンシン"),
                            w("交通安全", "コウツウアンゼン"), w("防犯パトロール", "ボウハンパトロール")),
                    List.of("子どもたちの登下校を見守り、犯罪のない安全なまちをつくります",
                            "地域の目で犯罪を防ぎ、誰もが安心して暮らせるまちをつくります",
                            "交通事故と犯罪のない、安全で住みよい地域をめざします"),
                    List.of("通学路での見守り", "青色防犯パトロール", "防犯講習会", "夜間の巡回", "防犯灯の点検", "交通安全教室"),
                    List.of("通学路の見守り体制づくり", "地域防犯マップの作成", "防犯カメラ設置の合意づくり", "高齢者の詐欺被害防止講座"),
                    "地域ぐるみの防犯活動の担い手づくり"),
            new Topic("bosai", "防災", "ボウサイ",
                    List.of(w("防災", "ボウサイ"), w("自主防災", "ジシュボウサイ"), w("自主防災組織", "ジシュボウサイソシキ"), w("災害ボランティア", "サイガイボランティア"),
                            w("減災", "ゲンサイ"), w("防災ママ", "ボウサイママ")),
                    List.of("災害に強いまちをつくるため、市民の防災意識を高め、災害時の支援体制を整えます",
                            "大規模災害に備え、地区ぐるみで命を守る体制をつくります",
                            "子育て世代の視点で、家庭でできる防災を広めます"),
                    List.of("避難所運営訓練", "防災講座", "防災倉庫の点検", "要支援者の名簿づくり", "防災マップづくり", "非常食の試食会",
                            "災害ボランティアセンター設置訓練"),
                    List.of("地区防災計画づくり", "避難所運営マニュアルの作成", "親子で学ぶ防災キャンプ", "災害時要支援者の支援体制づくり"),
                    "地域の防災力を高める自主防災組織の支援"),
            new Topic("kankyo", "環境", "カンキョウ",
                    List.of(w("環境", "カンキョウ"), w("ごみ減量", "ゴミゲンリョウ"), w("リサイクル", "リサイクル"), w("緑化", "リョクカ"),
                            w("里山", "サトヤマ"), w("自然観察", "シゼンカンサツ"), w("エコ", "エコ"), w("食品ロス", "ショクヒンロス")),
                    List.of("ごみの減量とリサイクルを市民の手で進め、資源が循環するまちをめざします",
                            "里山と水辺の自然を守り、次の世代に引き継ぎます",
                            "身近な環境を見つめ直し、地球にやさしい暮らしを広めます"),
                    List.of("生ごみ堆肥化講座", "フードドライブ", "リユース食器の貸し出し", "竹林の整備", "自然観察会", "外来植物の駆除",
                            "環境学習の出前講座", "緑のカーテンづくり"),
                    List.of("食品ロス削減の啓発", "里山の保全と活用", "リユース食器の普及", "水辺の生きもの調査", "ごみ減量の出前講座"),
                    "ごみ減量と資源循環の推進"),
            new Topic("sports", "スポーツ", "スポーツ",
                    List.of(w("スポーツ", "スポーツ"), w("ウォーキング", "ウォーキング"), w("サッカー", "サッカー"), w("卓球", "タッキュウ"),
                            w("グラウンドゴルフ", "グラウンドゴルフ"), w("ソフトボール", "ソフトボール"), w("少年野球", "ショウネンヤキュウ"), w("ヨガ", "ヨガ")),
                    List.of("スポーツを通じて子どもたちの心と体を育て、地域の大人とのつながりをつくります",
                            "体を動かすことを通じて、健康づくりと仲間づくりを進めます",
                            "誰もが気軽に楽しめるスポーツの機会を地域に広げます"),
                    List.of("週末の練習", "市内大会への参加", "初心者向け教室", "月例ウォーキング", "障害者スポーツ体験会", "指導者講習会"),
                    List.of("誰もが楽しめるスポーツフェスタ", "子どもの体力づくり教室", "健康ウォーキングマップの作成", "障害者スポーツの普及"),
                    "スポーツを通じた健康づくりと地域交流"),
            new Topic("bunka", "文化", "ブンカ",
                    List.of(w("文化", "ブンカ"), w("歴史", "レキシ"), w("郷土史", "キョウドシ"), w("伝統文化", "デントウブンカ"), w("茶道", "サドウ"),
                            w("書道", "ショドウ"), w("民謡", "ミンヨウ"), w("歴史文化", "レキシブンカ")),
                    List.of("地域に伝わる文化と歴史を学び、次の世代に伝えます",
                            "郷土の歴史を掘り起こし、まちの魅力として発信します",
                            "伝統文化に親しむ機会をつくり、世代を超えた交流を広げます"),
                    List.of("史跡めぐり", "郷土史の勉強会", "文化財の案内", "伝統行事の記録", "子ども向け体験教室", "作品展"),
                    List.of("まちの歴史を伝えるガイドブックづくり", "伝統文化の体験教室", "歴史的建物の活用", "郷土の昔話の記録"),
                    "地域の歴史と文化を生かしたまちの魅力づくり"),
            new Topic("geijutsu", "芸術", "ゲイジュツ",
                    List.of(w("芸術", "ゲイジュツ"), w("アート", "アート"), w("合唱", "ガッショウ"), w("演劇", "エンゲキ"), w("写真", "シャシン"),
                            w("絵画", "カイガ"), w("吹奏楽", "スイソウガク"), w("音楽", "オンガク")),
                    List.of("芸術の力で、まちのにぎわいと人の出会いをつくります",
                            "音楽を通じて、高齢者施設や病院に笑顔を届けます",
                            "演劇や音楽を通じて、子どもたちの表現力と協調性を育てます"),
                    List.of("定期演奏会", "施設訪問コンサート", "作品展", "アートワークショップ", "定期公演", "月例撮影会"),
                    List.of("まちなかアートフェスタ", "空き店舗を使ったギャラリー", "子ども演劇ワークショップ", "地域の音楽祭"),
                    "芸術文化を生かしたまちのにぎわいづくり"),
            new Topic("kokusai", "国際交流", "コクサイコウリュウ",
                    List.of(w("国際交流", "コクサイコウリュウ"), w("多文化共生", "タブンカキョウセイ"), w("日本語教室", "ニホンゴキョウシツ"),
                            w("国際", "コクサイ"), w("多文化", "タブンカ")),
                    List.of("外国人住民と日本人住民が互いの文化を学び合い、共に暮らしやすいまちをつくります",
                            "言葉や文化の違いをこえて、誰もが暮らしやすい地域をつくります"),
                    List.of("日本語教室", "多文化料理教室", "通訳ボランティアの派遣", "国際交流フェスタ", "生活相談会", "やさしい日本語講座"),
                    List.of("外国人住民のための生活ガイドづくり", "多文化交流フェスタ", "やさしい日本語の普及", "外国につながる子どもの学習支援"),
                    "外国人住民と共に暮らす多文化共生の推進"),
            new Topic("jinken", "人権", "ジンケン",
                    List.of(w("人権", "ジンケン"), w("男女共同参画", "ダンジョキョウドウサンカク"), w("障害者支援", "ショウガイシャシエン"),
                            w("手話", "シュワ"), w("ユニバーサルデザイン", "ユニバーサルデザイン")),
                    List.of("あらゆる差別をなくし、一人ひとりが尊重されるまちをつくります",
                            "障害のある人もない人も、ともに暮らしやすい地域をつくります"),
                    List.of("人権講演会", "映画上映会", "学校への出前授業", "手話の学習会", "当事者との交流会", "バリアフリー点検"),
                    List.of("人権を学ぶ市民講座", "障害のある人の就労体験", "男女共同参画の意識づくり", "バリアフリーマップづくり"),
                    "誰もが尊重される共生社会づくり"),
            new Topic("keikaku", "まちづくり", "マチヅクリ",
                    List.of(w("まちづくり", "マチヅクリ"), w("地域づくり", "チイキヅクリ"), w("空き家活用", "アキヤカツヨウ"), w("景観", "ケイカン"),
                            w("中心市街地", "チュウシンシガイチ"), w("まちなか", "マチナカ")),
                    List.of("地域の将来像を市民の立場から考え、市の計画づくりに提案します",
                            "空き家や空き店舗を生かし、人が集まるまちをつくります"),
                    List.of("まち歩き調査", "市民ワークショップ", "提言書の作成", "空き家の見学会", "まちづくり講座", "地域の将来像を話し合う会"),
                    List.of("空き家を使った地域サロン", "駅周辺のにぎわいづくり", "市民参加の景観ルールづくり", "まちの将来を話し合う円卓会議"),
                    "市民参加によるまちの将来像づくり"),
            new Topic("matsuri", "祭り", "マツリ",
                    List.of(w("まつり", "マツリ"), w("祭り", "マツリ"), w("夏祭り", "ナツマツリ"), w("イベント", "イベント"), w("お囃子", "オハヤシ"),
                            w("山車", "ダシ")),
                    List.of("地域の伝統行事を受け継ぎ、世代を超えた交流の場をつくります",
                            "まつりやイベントを通じて、まちのにぎわいと地域のつながりをつくります"),
                    List.of("夏祭りの企画・運営", "山車の保存と修繕", "お囃子の練習", "地域イベントの運営", "子ども向けの縁日"),
                    List.of("地域の祭りの担い手づくり", "お囃子を子どもに伝える教室", "まちなかマルシェの開催", "祭りのごみゼロ運動"),
                    "地域の祭りと行事の担い手づくり"),
            new Topic("seiso", "清掃", "セイソウ",
                    List.of(w("清掃", "セイソウ"), w("クリーン", "クリーン"), w("美化", "ビカ"), w("花いっぱい", "ハナイッパイ"),
                            w("河川清掃", "カセンセイソウ"), w("ごみゼロ", "ゴミゼロ")),
                    List.of("川や道路をきれいにし、誰もが気持ちよく過ごせるまちをつくります",
                            "花と緑でまちを彩り、ごみのない美しい地域をめざします"),
                    List.of("年3回の一斉清掃", "道路の清掃", "花壇の手入れ", "水質調査", "不法投棄の見回り", "ロードサポート活動"),
                    List.of("河川敷の一斉清掃", "花いっぱい運動の拡大", "不法投棄ゼロの取組", "通学路の美化活動"),
                    "市民と進めるまちの美化活動"));

    /** Endings of a civic group's name. */
    static final List<Word> CIVIC_SUFFIXES = List.of(w("の会", "ノカイ"), w("クラブ", "クラブ"), w("サークル", "サークル"),
            w("ネットワーク", "ネットワーク"), w("研究会", "ケンキュウカイ"), w("応援団", "オウエンダン"), w("ボランティアの会", "ボランティアノカイ"),
            w("サロン", "サロン"), w("友の会", "トモノカイ"), w("ひろば", "ヒロバ"), w("プロジェクト", "プロジェクト"), w("連絡会", "レンラクカイ"),
            w("推進会議", "スイシンカイギ"), w("実行委員会", "ジッコウイインカイ"), w("倶楽部", "クラブ"), w("隊", "タイ"));

    /** Endings that read well before a nickname (子育てサロンひまわり). */
    static final List<Word> NICKNAME_SUFFIXES = List.of(w("の会", "ノカイ"), w("クラブ", "クラブ"), w("サークル", "サークル"),
            w("サロン", "サロン"), w("ひろば", "ヒロバ"), w("応援団", "オウエンダン"), w("倶楽部", "クラブ"), w("隊", "タイ"));

    /** Endings of a community group's name. */
    static final List<Word> COMMUNITY_SUFFIXES = List.of(w("自治会", "ジチカイ"), w("町内会", "チョウナイカイ"), w("子ども会育成会", "コドモカイイクセイカイ"),
            w("老人クラブ", "ロウジンクラブ"), w("自主防災会", "ジシュボウサイカイ"), w("区長会", "クチョウカイ"), w("地区協議会", "チクキョウギカイ"));

    /** Nicknames some groups add to their name. */
    static final List<Word> NICKNAMES = List.of(w("ひまわり", "ヒマワリ"), w("さくら", "サクラ"), w("たんぽぽ", "タンポポ"), w("すみれ", "スミレ"),
            w("かがやき", "カガヤキ"), w("ひだまり", "ヒダマリ"), w("わかば", "ワカバ"), w("つばさ", "ツバサ"), w("きずな", "キズナ"),
            w("えがお", "エガオ"), w("なかよし", "ナカヨシ"), w("どんぐり", "ドングリ"), w("あおぞら", "アオゾラ"), w("にじいろ", "ニジイロ"),
            w("はばたき", "ハバタキ"), w("こもれび", "コモレビ"), w("ゆめ", "ユメ"), w("みらい", "ミライ"), w("そよかぜ", "ソヨカゼ"));

    /** Business names: a company's own name and the part that says what it does. */
    static final List<Word> COMPANY_NAMES = List.of(w("本庄", "ホンジョウ"), w("こだま", "コダマ"), w("北武", "ホクブ"),
            w("上州屋", "ジョウシュウヤ"), w("中山道", "ナカセンドウ"), w("利根", "トネ"), w("赤城", "アカギ"), w("秩父", "チチブ"),
            w("むさし", "ムサシ"), w("あさひ", "アサヒ"), w("ふじ", "フジ"));
    static final List<Word> COMPANY_TRADES = List.of(w("建設", "ケンセツ"), w("製菓", "セイカ"), w("運輸", "ウンユ"), w("印刷", "インサツ"),
            w("電機", "デンキ"), w("不動産", "フドウサン"), w("食品", "ショクヒン"), w("商事", "ショウジ"), w("薬局", "ヤッキョク"),
            w("IT", "アイティー"), w("造園", "ゾウエン"), w("自動車", "ジドウシャ"));
    static final List<Word> COMPANY_FORMS = List.of(w("株式会社", "カブシキガイシャ"), w("有限会社", "ユウゲンガイシャ"), w("合同会社", "ゴウドウガイシャ"));

    /** Other organisations: social welfare and school corporations. */
    static final List<Word> ORG_FORMS = List.of(w("社会福祉法人", "シャカイフクシホウジン"), w("学校法人", "ガッコウホウジン"),
            w("医療法人", "イリョウホウジン"), w("一般社団法人", "イッパンシャダンホウジン"));
    static final List<Word> ORG_NAMES = List.of(w("ふじの会", "フジノカイ"), w("あさひ福祉会", "アサヒフクシカイ"), w("本庄学園", "ホンジョウガクエン"),
            w("こだま会", "コダマカイ"), w("あけぼの会", "アケボノカイ"), w("緑風会", "リョクフウカイ"), w("清流会", "セイリュウカイ"),
            w("若葉学園", "ワカバガクエン"), w("光の園", "ヒカリノソノ"), w("むさしの会", "ムサシノカイ"));

    static final List<Word> SURNAMES = List.of(w("佐藤", "サトウ"), w("鈴木", "スズキ"), w("高橋", "タカハシ"), w("田中", "タナカ"),
            w("伊藤", "イトウ"), w("渡辺", "ワタナベ"), w("山本", "ヤマモト"), w("中村", "ナカムラ"), w("小林", "コバヤシ"), w("加藤", "カトウ"),
            w("吉田", "ヨシダ"), w("山田", "ヤマダ"), w("佐々木", "ササキ"), w("山口", "ヤマグチ"), w("松本", "マツモト"), w("井上", "イノウエ"),
            w("木村", "キムラ"), w("林", "ハヤシ"), w("斎藤", "サイトウ"), w("清水", "シミズ"), w("山崎", "ヤマザキ"), w("森", "モリ"),
            w("池田", "イケダ"), w("橋本", "ハシモト"), w("阿部", "アベ"), w("石川", "イシカワ"), w("山下", "ヤマシタ"), w("中島", "ナカジマ"),
            w("石井", "イシイ"), w("小川", "オガワ"), w("前田", "マエダ"), w("岡田", "オカダ"), w("長谷川", "ハセガワ"), w("後藤", "ゴトウ"),
            w("近藤", "コンドウ"), w("村上", "ムラカミ"), w("遠藤", "エンドウ"), w("青木", "アオキ"), w("坂本", "サカモト"), w("福田", "フクダ"),
            w("太田", "オオタ"), w("西村", "ニシムラ"), w("藤井", "フジイ"), w("金子", "カネコ"), w("岡本", "オカモト"), w("藤原", "フジワラ"),
            w("中野", "ナカノ"), w("三浦", "ミウラ"), w("原田", "ハラダ"), w("中川", "ナカガワ"), w("松田", "マツダ"), w("竹内", "タケウチ"),
            w("小野", "オノ"), w("田村", "タムラ"), w("中山", "ナカヤマ"), w("和田", "ワダ"), w("石田", "イシダ"), w("森田", "モリタ"),
            w("上田", "ウエダ"), w("原", "ハラ"), w("内田", "ウチダ"), w("柴田", "シバタ"), w("酒井", "サカイ"), w("宮崎", "ミヤザキ"),
            w("横山", "ヨコヤマ"), w("高木", "タカギ"), w("安藤", "アンドウ"), w("宮本", "ミヤモト"), w("大野", "オオノ"), w("茂木", "モテギ"),
            w("新井", "アライ"), w("関口", "セキグチ"), w("根岸", "ネギシ"), w("須藤", "スドウ"), w("町田", "マチダ"), w("荻野", "オギノ"),
            w("飯塚", "イイヅカ"), w("大塚", "オオツカ"));

    static final List<Word> GIVEN_NAMES = List.of(w("太郎", "タロウ"), w("一郎", "イチロウ"), w("健一", "ケンイチ"), w("誠", "マコト"),
            w("浩", "ヒロシ"), w("隆", "タカシ"), w("大輔", "ダイスケ"), w("翔", "ショウ"), w("拓也", "タクヤ"), w("直樹", "ナオキ"),
            w("和夫", "カズオ"), w("茂", "シゲル"), w("勝", "マサル"), w("清", "キヨシ"), w("修", "オサム"), w("亮", "リョウ"), w("蓮", "レン"),
            w("悠真", "ユウマ"), w("陽翔", "ハルト"), w("湊", "ミナト"), w("健太", "ケンタ"), w("正人", "マサト"), w("義男", "ヨシオ"),
            w("幸一", "コウイチ"), w("恵子", "ケイコ"), w("由紀", "ユキ"), w("美咲", "ミサキ"), w("幸子", "サチコ"), w("和子", "カズコ"),
            w("洋子", "ヨウコ"), w("真理", "マリ"), w("愛", "アイ"), w("さくら", "サクラ"), w("陽菜", "ヒナ"), w("結衣", "ユイ"), w("美和", "ミワ"),
            w("友美", "トモミ"), w("あゆみ", "アユミ"), w("里美", "サトミ"), w("由美", "ユミ"), w("智子", "トモコ"), w("久美子", "クミコ"),
            w("明美", "アケミ"), w("直美", "ナオミ"), w("優子", "ユウコ"), w("花子", "ハナコ"), w("芽衣", "メイ"), w("葵", "アオイ"), w("凛", "リン"));

    /** Streets of the city for addresses, with their postal codes. */
    static final List<String[]> STREETS = List.of(new String[] {"3670053", "中央"}, new String[] {"3670052", "銀座"},
            new String[] {"3670054", "千代田"}, new String[] {"3670045", "駅南"}, new String[] {"3670061", "小島"},
            new String[] {"3670032", "若泉"}, new String[] {"3670041", "駅南"}, new String[] {"3670022", "日の出"},
            new String[] {"3670042", "東台"}, new String[] {"3670062", "寿"}, new String[] {"3670046", "見福"},
            new String[] {"3670212", "児玉町八幡山"}, new String[] {"3670216", "児玉町金屋"}, new String[] {"3670217", "児玉町共栄"},
            new String[] {"3670002", "今井"}, new String[] {"3670021", "栄"});

    /** The city's departments (担当課); the third is the secretariat. */
    static final List<String[]> DEPARTMENTS = List.of(new String[] {"01-kikaku", "企画課", "Planning Division"},
            new String[] {"02-kiki", "危機管理課", "Crisis Management Division"},
            new String[] {"03-shimin-katsudo", "市民活動推進課", "Civic Activity Promotion Division"},
            new String[] {"04-kankyo", "環境推進課", "Environment Promotion Division"},
            new String[] {"05-fukushi", "地域福祉課", "Community Welfare Division"},
            new String[] {"06-kosodate", "子育て支援課", "Child-rearing Support Division"},
            new String[] {"07-shoko", "商工観光課", "Commerce, Industry and Tourism Division"},
            new String[] {"08-shogai", "生涯学習課", "Lifelong Learning Division"},
            new String[] {"09-sports", "スポーツ推進課", "Sports Promotion Division"},
            new String[] {"10-koreisha", "高齢者福祉課", "Elderly Welfare Division"},
            new String[] {"11-shogaifukushi", "障害福祉課", "Disability Welfare Division"},
            new String[] {"12-kenko", "健康推進課", "Health Promotion Division"},
            new String[] {"13-toshikeikaku", "都市計画課", "Urban Planning Division"},
            new String[] {"14-bunkazai", "文化財保護課", "Cultural Properties Division"},
            new String[] {"15-jinken", "人権推進課", "Human Rights Division"},
            new String[] {"16-kokusai", "国際交流室", "International Exchange Office"},
            new String[] {"17-seiso", "生活環境課", "Living Environment Division"},
            new String[] {"18-kyoiku", "学校教育課", "School Education Division"});

    /** The department that would partner a group of each field (index into {@link #DEPARTMENTS}). */
    static int departmentOf(String field) {
        return switch (field) {
            case "kosodate" -> 5;
            case "koreisha" -> 9;
            case "bohan", "bosai" -> 1;
            case "kankyo" -> 3;
            case "sports" -> 8;
            case "bunka" -> 13;
            case "geijutsu" -> 7;
            case "kokusai" -> 15;
            case "jinken" -> 14;
            case "keikaku" -> 12;
            case "matsuri" -> 6;
            case "seiso" -> 16;
            default -> 2;
        };
    }

    /** Draft plans a department puts out for public comment. */
    static final List<String[]> PLANS = List.of(new String[] {"0", "総合計画"}, new String[] {"4", "地域福祉計画"},
            new String[] {"5", "子ども・子育て支援事業計画"}, new String[] {"3", "環境基本計画"}, new String[] {"16", "一般廃棄物処理基本計画"},
            new String[] {"1", "地域防災計画"}, new String[] {"12", "都市計画マスタープラン"}, new String[] {"7", "生涯学習推進計画"},
            new String[] {"14", "男女共同参画プラン"}, new String[] {"15", "多文化共生推進指針"}, new String[] {"6", "観光振興計画"},
            new String[] {"8", "スポーツ推進計画"}, new String[] {"9", "高齢者福祉計画・介護保険事業計画"}, new String[] {"10", "障害者計画"},
            new String[] {"13", "文化財保存活用地域計画"}, new String[] {"12", "空家等対策計画"}, new String[] {"0", "公共施設等総合管理計画"},
            new String[] {"2", "市民協働推進計画"}, new String[] {"11", "健康増進計画"}, new String[] {"11", "食育推進計画"},
            new String[] {"1", "交通安全計画"}, new String[] {"3", "地球温暖化対策実行計画"}, new String[] {"12", "立地適正化計画"},
            new String[] {"17", "教育振興基本計画"});

    static final List<String> PLAN_SECTIONS = List.of("計画の策定にあたって", "現状と課題", "基本理念と目標", "施策の展開", "重点的な取組",
            "計画の推進体制", "成果指標", "用語の解説");

    static final List<String> OPINIONS = List.of("もっと具体的な数値目標を示してほしいと思います", "市民が参加できる仕組みを増やしてください",
            "高齢者にも分かりやすい言葉で説明してほしいです", "子育て世代の意見を取り入れてください", "地区ごとの事情に配慮してほしいです",
            "財源の裏付けを示してください", "取組の進み具合を毎年公表してください", "市民活動団体との協働をさらに進めてください",
            "若い世代が関われる機会をつくってほしいです", "計画の方向性に賛成します", "駅周辺だけでなく周辺地区にも目を向けてください",
            "防災の視点を加えてください", "公共交通の充実を盛り込んでください", "空き家の活用をもっと進めてほしいです",
            "外国人住民への情報提供を充実してください", "障害のある人の意見を聴く場を設けてください");
    static final List<String> REASONS = List.of("私の住む地区では", "子どもを育てている立場から", "長年この地域に暮らしてきて",
            "自治会の役員をしている経験から", "市民活動に関わる中で", "通勤で毎日駅を使う者として", "高齢の親と暮らしていて",
            "商店を営む立場から");
    static final List<String> CONCERNS = List.of("担い手の不足を強く感じています", "情報が届いていないと感じます",
            "計画と実際の取組にずれがあると感じます", "多くの住民が関心を持っています", "近年、状況が大きく変わってきています",
            "行政と市民の連携が大切だと感じています");

    /** Events volunteers are wanted for, and the part they play. */
    static final List<String> EVENTS = List.of("夏祭り", "運動会", "マラソン大会", "一斉清掃", "子ども食堂", "防災訓練", "読み聞かせ会",
            "高齢者サロン", "国際交流フェスタ", "花壇の植え替え", "河川敷の清掃", "見守りパトロール", "フードドライブ", "学習支援教室",
            "認知症カフェ", "地域の音楽会", "文化祭", "ウォーキング大会", "フリーマーケット", "環境フェア", "福祉まつり", "市民活動フェスタ");
    static final List<String> ROLES = List.of("受付", "会場設営", "来場者の誘導", "調理補助", "記録撮影", "通訳", "子どもの見守り",
            "片付け", "物品の配布", "駐車場の案内");

    /** Purposes of room bookings at the centre. */
    static final List<String> BOOKING_PURPOSES = List.of("定例会", "役員会", "総会", "練習", "講座", "学習会", "打ち合わせ", "作品づくり",
            "サロン", "発表会のリハーサル", "研修会", "交流会", "会議", "読書会", "料理教室");

    /** The centre's rooms beyond Honjo's six (code, name, English name, capacity, equipment, activity rate, standard rate). */
    static final List<Object[]> EXTRA_ROOMS = List.of(
            new Object[] {"meeting-c", "会議室C", "Meeting room C", 20, "ホワイトボード、長机8台", 250, 500},
            new Object[] {"meeting-d", "会議室D", "Meeting room D", 20, "ホワイトボード、長机8台", 250, 500},
            new Object[] {"meeting-e", "会議室E", "Meeting room E", 16, "ホワイトボード、テーブル", 200, 400},
            new Object[] {"meeting-f", "会議室F", "Meeting room F", 16, "ホワイトボード、テーブル", 200, 400},
            new Object[] {"seminar-1", "研修室1", "Seminar room 1", 48, "プロジェクター、スクリーン、マイク", 500, 1000},
            new Object[] {"seminar-2", "研修室2", "Seminar room 2", 48, "プロジェクター、スクリーン、マイク", 500, 1000},
            new Object[] {"seminar-3", "研修室3", "Seminar room 3", 36, "プロジェクター、スクリーン", 400, 800},
            new Object[] {"washitsu-1", "和室1", "Japanese-style room 1", 20, "座卓6台、座布団20枚", 300, 600},
            new Object[] {"washitsu-2", "和室2", "Japanese-style room 2", 12, "座卓4台、座布団12枚", 200, 400},
            new Object[] {"atelier", "創作室", "Craft room", 24, "作業台6台、流し台", 300, 600},
            new Object[] {"dance", "軽運動室", "Exercise room", 30, "鏡、音響設備", 400, 800},
            new Object[] {"space-1", "交流スペース1", "Meeting space 1", 8, "テーブル2台", 100, 200},
            new Object[] {"space-2", "交流スペース2", "Meeting space 2", 8, "テーブル2台", 100, 200},
            new Object[] {"space-3", "交流スペース3", "Meeting space 3", 8, "テーブル2台", 100, 200},
            new Object[] {"kids", "キッズルーム", "Children's room", 15, "マット、おもちゃ棚", 200, 400},
            new Object[] {"workshop", "工作室", "Workshop", 16, "作業台4台、工具", 300, 600},
            new Object[] {"studio-c", "音楽スタジオC", "Music studio C", 8, "電子ピアノ、PA", 300, 600},
            new Object[] {"hall-b", "小ホール", "Small hall", 80, "プロジェクター、スクリーン、マイク2本、椅子80脚", 800, 1600});
}
