package errs

// japanese maps each English message format to its Japanese. A translation
// keeps the English's arguments, in any order (%[2]s picks the second); a
// test checks that, and that every message in the code has an entry here.
// Words the client sends as they are (enum values, header names, ids) stay
// as they are.
//
// Style: polite and concise, as a product's UI speaks. Like the English, a
// one-sentence message has no final "。"; in several sentences each ends
// with one except where the English has no final period.
func japanese() map[string]string {
	return map[string]string{
		// Requests: body, URL, headers, limits.
		"send the body as JSON with Content-Type: application/json": "リクエスト本文は Content-Type: application/json を付けてJSONで送ってください",
		"the request body is empty":                                 "リクエスト本文が空です",
		"the request body must hold a single JSON value":            "リクエスト本文にはJSONの値を1つだけ含めてください",
		"the request body holds a NUL character":                    "リクエスト本文にNUL文字が含まれています",
		"text must not contain \\u0000":                             "文字列に \\u0000 を含めないでください",
		"the request body is larger than %d bytes":                  "リクエスト本文が大きすぎます（上限は%dバイトです）",
		"the request body is not valid JSON (at byte %d)":           "リクエスト本文が正しいJSONではありません（%dバイト目）",
		"the request body is not valid JSON (it ends too early)":    "リクエスト本文が正しいJSONではありません（途中で終わっています）",
		"the request body is not valid JSON":                        "リクエスト本文が正しいJSONではありません",
		"the request body has a value of the wrong type":            "リクエスト本文に型の正しくない値があります",
		"must be %s, not %s":                                        "%sで指定してください（%sが送られました）",
		"must be %s, not the number %s":                             "%sで指定してください（数値 %s が送られました）",
		"the URL must not contain NUL characters (%%00)":            "URLにNUL文字（%%00）を含めないでください",
		"too many attempts; try again in %d seconds":                "試行回数が多すぎます。%d秒後にもう一度お試しください",
		"no such endpoint: %s %s":                                   "該当するエンドポイントがありません: %s %s",
		"%s is not allowed on %s":                                   "%[2]s では %[1]s メソッドを使えません",
		"the web app is not built":                                  "Webアプリがビルドされていません",
		"must be ja or en":                                          "ja または en を指定してください",
		"unsupported language":                                      "対応していない言語です",
		"invalid query parameters":                                  "クエリパラメーターに誤りがあります",
		"invalid Idempotency-Key":                                   "Idempotency-Key が正しくありません",
		"must be 1-255 visible ASCII characters (a UUID is best)":   "表示可能なASCII文字1〜255文字で指定してください（UUIDがおすすめです）",

		// JSON types, as Terms in the messages above.
		"a string":                "文字列",
		"a boolean":               "真偽値",
		"an integer":              "整数",
		"a number":                "数値",
		"an array":                "配列",
		"an object":               "オブジェクト",
		"a value of another type": "別の型の値",
		"string":                  "文字列",
		"number":                  "数値",
		"bool":                    "真偽値",
		"array":                   "配列",
		"object":                  "オブジェクト",
		"another type":            "別の型",

		// Field validation.
		"the request has invalid fields":   "入力内容に誤りがあります",
		"is required":                      "入力してください",
		"must be an e-mail address":        "メールアドレスの形式で入力してください",
		"must be one of: %s":               "次のいずれかを指定してください: %s",
		"must be at least %s characters":   "%s文字以上で入力してください",
		"must have at least %s items":      "%s件以上指定してください",
		"must be at least %s":              "%s以上の値を指定してください",
		"must be at most %s characters":    "%s文字以内で入力してください",
		"must have at most %s items":       "%s件以内で指定してください",
		"must be at most %s":               "%s以下の値を指定してください",
		"must be %s characters long":       "%s文字で入力してください",
		"must have %s items":               "%s件指定してください",
		"must be exactly %s":               "%sを指定してください",
		"is not valid (%s)":                "値が正しくありません（%s）",
		"must be 1 to %d characters":       "1〜%d文字で入力してください",
		"must be an integer from %d to %d": "%dから%dまでの整数で指定してください",
		"must be a positive integer":       "1以上の整数で指定してください",

		// Server state.
		"the server could not answer in time; try again shortly":            "サーバーが時間内に応答できませんでした。しばらくしてからもう一度お試しください",
		"something went wrong on our side; the request id helps us find it": "サーバー側で問題が発生しました。お問い合わせの際はリクエストIDをお知らせください",
		"the database is unavailable":                                       "データベースに接続できません",
		"the server is shutting down":                                       "サーバーを停止しています",
		"%s not found":                                                      "%sが見つかりません",
		"%s already exists":                                                 "%sはすでにあります",
		"user not found":                                                    "ユーザーが見つかりません",

		// What the database holds, as Terms in "%s not found" and
		// "%s already exists".
		"assessment":      "診断",
		"audit entry":     "閲覧記録",
		"catalog":         "カタログ",
		"idempotency key": "Idempotency-Key の記録",
		"migration":       "マイグレーション",
		"note":            "面談メモ",
		"progress":        "ロードマップの進み具合",
		"query plan":      "実行計画",
		"questionnaire":   "質問票",
		"server key":      "サーバー鍵",
		"session":         "セッション",
		"share":           "共有",
		"user":            "ユーザー",

		// The admin's queries.
		"invalid version":     "版の指定が正しくありません",
		"must be an entry id": "閲覧記録のIDを指定してください",

		// Signing in and roles.
		"send the access token as Authorization: Bearer <token>": "アクセストークンは Authorization: Bearer <token> の形式で送ってください",
		"the access token is not valid or has expired":           "アクセストークンが無効か、有効期限が切れています",
		"sign in first":                       "ログインしてください",
		"this needs the %s role":              "この操作には%sの権限が必要です",
		"this needs one of the roles %s":      "この操作には次のいずれかの権限が必要です: %s",
		"candidate":                           "候補者",
		"advisor":                             "キャリアアドバイザー",
		"recruiter":                           "採用担当",
		"admin":                               "管理者",
		"unknown":                             "不明",
		"the e-mail or the password is wrong": "メールアドレスまたはパスワードが正しくありません",
		"the refresh token is not valid":      "リフレッシュトークンが無効です",
		"the refresh token is not valid or has expired; sign in again":                   "リフレッシュトークンが無効か、有効期限が切れています。もう一度ログインしてください",
		"this refresh token was already used; the session has been ended, sign in again": "このリフレッシュトークンはすでに使われています。安全のためセッションを終了しました。もう一度ログインしてください",
		"the session has ended; sign in again":                                           "セッションが終了しました。もう一度ログインしてください",

		// Accounts.
		"the account details are not valid":          "アカウントの入力内容に誤りがあります",
		"an account with this e-mail already exists": "このメールアドレスのアカウントはすでにあります",
		"invalid display name":                       "表示名が正しくありません",
		"invalid role":                               "役割の指定が正しくありません",
		"must be advisor, recruiter or admin":        "advisor、recruiter、admin のいずれかを指定してください",
		"only candidates can join the talent pool":   "人材プールに参加できるのは候補者だけです",
		"only candidates can be discoverable":        "人材プールに公開できるのは候補者だけです",
		"the current password is wrong":              "いまのパスワードが正しくありません",
		"is not your current password":               "いまのパスワードと一致しません",
		"the new password is not acceptable":         "新しいパスワードは使用できません",

		// The password policy. The field is the password, so these name it
		// as the sign-up form's own checks do.
		"Use at least %d characters. A few unrelated words make a strong password that is easy to remember.": "パスワードは%d文字以上にしてください。関係のない単語をいくつか並べると、覚えやすく破られにくいパスワードになります。",
		"Use at most %d characters.": "パスワードは%d文字以内にしてください。",
		"This password is one of the most common ones and easy to guess. Choose another, for example a few unrelated words.": "このパスワードはよく使われていて、推測されやすいものです。別のパスワードにしてください（例: 関係のない単語をいくつか組み合わせる）。",
		"Do not use your e-mail address in your password. Choose another.":                                                   "パスワードにメールアドレスを含めないでください。別のパスワードにしてください。",
		"The password contains characters that cannot be read. Type it again.":                                               "パスワードに読み取れない文字が含まれています。もう一度入力してください。",

		// Advisors, shares and notes.
		"invalid e-mail":                   "メールアドレスが正しくありません",
		"no advisor has the e-mail %s":     "メールアドレス %s のキャリアアドバイザーは見つかりません",
		"you do not share with %q":         "%q には共有していません",
		"you do not share with advisor %s": "キャリアアドバイザー %s には共有していません",
		"no candidate %q shares with you":  "候補者 %q からは共有されていません",
		"invalid note":                     "面談メモの内容が正しくありません",

		// Candidate listings.
		"invalid cursor": "カーソルが正しくありません",
		"is not a cursor from this listing; start again without it": "この一覧のカーソルではありません。cursor を付けずに最初から取得し直してください",
		"must be the slug of a catalog role":                        "カタログにあるロールの識別子（slug）を指定してください",
		"must be pm, pmo or balanced":                               "pm、pmo、balanced のいずれかを指定してください",
		"must be fit or date":                                       "fit または date を指定してください",

		// The catalog and roadmaps.
		"no role %q in the catalog":          "ロール %q はカタログにありません",
		"no certification %q in the catalog": "資格 %q はカタログにありません",
		"must be pm or pmo":                  "pm または pmo を指定してください",
		"unknown track":                      "トラックの指定が正しくありません",
		"unknown role":                       "不明なロールです",
		"no result yet: take the quiz, or pass ?role= to follow a role's roadmap":                         "まだ診断結果がありません。診断を受けるか、?role= でロールを指定してロードマップを表示してください",
		"your latest result gave no plan: take the quiz again, or pass ?role= to follow a role's roadmap": "直近の診断結果からはプランを作れませんでした。もう一度診断を受けるか、?role= で役割を指定してロードマップを表示してください",
		"invalid status": "状態の指定が正しくありません",
		"must be done, learning, pending or skipped": "done、learning、pending、skipped のいずれかを指定してください",
		"no roadmap step %q":                         "ロードマップのステップ %q が見つかりません",

		// Questionnaires and assessments.
		"no questionnaire %q":                "質問票 %q が見つかりません",
		"no questionnaire %q version %d":     "質問票 %q の第%d版が見つかりません",
		"unknown questionnaire":              "不明な質問票です",
		"no assessment %q":                   "診断 %q が見つかりません",
		"assessment %s is already submitted": "診断 %s はすでに提出されています",
		"assessment %s is already submitted; start a new one to answer again":                  "診断 %s はすでに提出されています。回答し直すには新しく診断を始めてください",
		"assessment %s is no longer a draft":                                                   "診断 %s はすでに下書きではありません",
		"assessment %s already has an owner":                                                   "診断 %s はすでに別のアカウントに移されています",
		"sign in, or send the assessment's token in X-Assessment-Token":                        "ログインするか、診断のトークンを X-Assessment-Token ヘッダーで送ってください",
		"this Idempotency-Key was already used with a different request":                       "この Idempotency-Key は別のリクエストですでに使われています",
		"this Idempotency-Key is already in use":                                               "この Idempotency-Key は処理中のリクエストで使われています",
		"answer every required item before submitting":                                         "提出する前に、必須の設問にすべて回答してください",
		"%s version %d is already published; upload it as a new version":                       "%s の第%d版はすでに公開されています。版番号を上げて公開してください",
		"%s version %d is already published with other content; publish a new version instead": "%s の第%d版は別の内容ですでに公開されています。版番号を上げて公開してください",
		"%s version %d: item %s option %s names unknown certification %q":                      "%s 第%d版: 設問 %s の選択肢 %s に不明な資格 %q が指定されています",
		"the questionnaire definition has problems:\n%s":                                       "質問票の定義に問題があります:\n%s",
		"item %q is listed twice":                                                              "設問 %q が2回含まれています",
		"item %q: response %d answered %d, outside %d..%d":                                     "設問 %q: 回答 %d の値 %d が範囲（%d〜%d）の外にあります",

		// Answers.
		"too many answers":                         "回答が多すぎます",
		"at most %d answers":                       "回答は%d件までです",
		"some answers are not valid":               "正しくない回答があります",
		"the answers are not valid":                "回答に誤りがあります",
		"the answers are incomplete":               "回答が足りません",
		"is not an item of %s version %d":          "%s 第%d版の設問ではありません",
		"is not an item of this questionnaire":     "この質問票の設問ではありません",
		"is required before submitting":            "提出するには回答が必要です",
		"must be one option id (a string): %s":     "選択肢のIDを1つ、文字列で指定してください: %s",
		"must be an array of option ids: %s":       "選択肢のIDを配列で指定してください: %s",
		"choose at least one option":               "選択肢を1つ以上選んでください",
		"%q is not an option":                      "%q は選択肢にありません",
		"%q is not an option; choose one of %s":    "%q は選択肢にありません。次から1つ選んでください: %s",
		"%q is not an option; choose from %s":      "%q は選択肢にありません。次から選んでください: %s",
		"%q cannot be combined with other options": "%q はほかの選択肢と同時に選べません",
		"%q is chosen twice":                       "%q が2回選ばれています",
	}
}
