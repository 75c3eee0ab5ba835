// Package construct defines what pmpath measures and the ladder people climb:
// the aptitude dimensions of the PM/PMO fit quiz, the tracks, and the
// readiness stages that roadmap steps and certifications are placed on.
// Keys here are part of the public contract.
package construct

import "github.com/pmpath/pmpath/internal/i18n"

// Dimension is the key of one measured aptitude, such as "analysis".
type Dimension string

// Lean says which track a dimension points to.
type Lean string

// The leans a dimension can have.
const (
	LeanPM   Lean = "pm"
	LeanPMO  Lean = "pmo"
	LeanBoth Lean = "both"
)

// DimensionInfo describes one dimension.
type DimensionInfo struct {
	Key  Dimension
	Lean Lean
	Name i18n.Text
}

// Dimensions lists every dimension in display order.
var Dimensions = []DimensionInfo{
	{"decision_making", LeanPM, i18n.Text{JA: "意思決定", EN: "Decision making"}},
	{"ownership", LeanPM, i18n.Text{JA: "結果への責任感", EN: "Ownership"}},
	{"negotiation", LeanPM, i18n.Text{JA: "交渉・合意形成", EN: "Negotiation"}},
	{"leadership", LeanPM, i18n.Text{JA: "リーダーシップ", EN: "Leadership"}},
	{"planning_control", LeanPM, i18n.Text{JA: "計画・進捗コスト管理", EN: "Planning and control"}},
	{"strategy", LeanPM, i18n.Text{JA: "戦略・多角的な視点", EN: "Strategy"}},
	{"organizing", LeanPMO, i18n.Text{JA: "情報の整理", EN: "Organizing"}},
	{"documentation", LeanPMO, i18n.Text{JA: "ドキュメント作成", EN: "Documentation"}},
	{"accuracy", LeanPMO, i18n.Text{JA: "正確さ", EN: "Accuracy"}},
	{"process", LeanPMO, i18n.Text{JA: "ルール・標準化", EN: "Process and standards"}},
	{"support", LeanPMO, i18n.Text{JA: "支援志向", EN: "Supporting others"}},
	{"analysis", LeanPMO, i18n.Text{JA: "分析・可視化", EN: "Analysis"}},
	{"governance", LeanPMO, i18n.Text{JA: "ガバナンス", EN: "Governance"}},
	{"communication", LeanBoth, i18n.Text{JA: "コミュニケーション", EN: "Communication"}},
	{"it_literacy", LeanBoth, i18n.Text{JA: "ITリテラシー", EN: "IT literacy"}},
	// Added with questionnaire version 2: what separates the senior roles
	// and the PMO's clerical work.
	{"administration", LeanPMO, i18n.Text{JA: "事務・庶務", EN: "Administration"}},
	{"program_scope", LeanPM, i18n.Text{JA: "複数プロジェクトの統括", EN: "Program scope"}},
	{"portfolio", LeanBoth, i18n.Text{JA: "ポートフォリオ・投資判断", EN: "Portfolio and investment"}},
	{"people_development", LeanPMO, i18n.Text{JA: "メンバーの育成・配置", EN: "Developing people"}},
	// High means the PM path (PM, then programs and portfolios); low the
	// PMO path (administrator, analyst, manager, director).
	{"track_preference", LeanPM, i18n.Text{JA: "目指すキャリア", EN: "Career direction"}},
}

// OriginalDimensions is how many of Dimensions the first version of the
// contract named; every questionnaire measures at least those.
const OriginalDimensions = 15

// LookupDimension returns the description of key.
func LookupDimension(key Dimension) (DimensionInfo, bool) {
	for _, d := range Dimensions {
		if d.Key == key {
			return d, true
		}
	}
	return DimensionInfo{}, false
}

// Track is the career track a role belongs to.
type Track string

// The two tracks.
const (
	TrackPM  Track = "pm"
	TrackPMO Track = "pmo"
)

// ValidTrack reports whether t is a known track.
func ValidTrack(t Track) bool { return t == TrackPM || t == TrackPMO }

// Stage is a rung of the readiness ladder shared by both tracks: where a
// person stands today, where a role sits, and when a roadmap step or a
// certification fits.
type Stage string

// The stages, lowest first.
const (
	StageFoundation   Stage = "foundation"   // IT work without project-management duties yet
	StageCoordinator  Stage = "coordinator"  // runs meetings, minutes and materials
	StagePractitioner Stage = "practitioner" // trusted with progress, issue and risk tracking
	StageLead         Stage = "lead"         // leads a project, or designs a PMO's metrics and rules
	StageManager      Stage = "manager"      // leads several projects or a PMO team
	StageExecutive    Stage = "executive"    // portfolio and organization-wide decisions
)

// StageInfo describes one stage.
type StageInfo struct {
	Key  Stage
	Name i18n.Text
}

// Stages lists the stages, lowest first.
var Stages = []StageInfo{
	{StageFoundation, i18n.Text{JA: "基礎づくり", EN: "Foundation"}},
	{StageCoordinator, i18n.Text{JA: "調整役", EN: "Coordinator"}},
	{StagePractitioner, i18n.Text{JA: "実務担当", EN: "Practitioner"}},
	{StageLead, i18n.Text{JA: "リード", EN: "Lead"}},
	{StageManager, i18n.Text{JA: "マネージャー", EN: "Manager"}},
	{StageExecutive, i18n.Text{JA: "エグゼクティブ", EN: "Executive"}},
}

// Rank returns the position of s on the ladder (0 for the lowest) and
// whether s is a known stage.
func Rank(s Stage) (int, bool) {
	for i, st := range Stages {
		if st.Key == s {
			return i, true
		}
	}
	return -1, false
}
