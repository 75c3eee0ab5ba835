// Package report turns what pmpath stores into what people read: a
// result worded in the reader's language (a sentence for each reason,
// strengths and gaps with the answers behind them, readiness, the plan),
// a candidate's attempts and how each dimension moved between them, a
// roadmap with the reader's progress, the export of everything held
// about a person, and the catalog and questionnaire forms.
//
// All user-facing wording of those views lives here or in the data files
// (questionnaires, catalog); the API only encodes the views. Views hold
// no JSON tags: the API has its own response types.
package report
