package store

import (
	"context"
	"errors"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/pmpath/pmpath/internal/catalog"
	"github.com/pmpath/pmpath/internal/construct"
	"github.com/pmpath/pmpath/internal/i18n"
)

type certificationRow struct {
	ID            int64 `gorm:"primaryKey"`
	Slug          string
	Position      int
	Abbreviation  string
	Track         string
	Stage         string
	URL           string `gorm:"column:url"`
	Name          jsonCol[i18n.Text]
	Issuer        jsonCol[i18n.Text]
	Summary       jsonCol[i18n.Text]
	Format        jsonCol[i18n.Text]
	Prerequisites jsonCol[i18n.Text]
	Proves        jsonCol[i18n.Text]
	Levels        jsonCol[[]levelJSON]
	Schedule      jsonCol[*i18n.Text]
	Fee           jsonCol[*i18n.Text]
	Eligibility   *jsonCol[catalog.Eligibility]
	Sources       jsonCol[[]catalog.Source]
	Unconfirmed   jsonCol[[]string]
	// SourceName, SourceURL and SourceYear keep the first source, the
	// issuer's page; Sources holds them all.
	SourceName string
	SourceURL  string `gorm:"column:source_url"`
	SourceYear int
}

func (certificationRow) TableName() string { return "certifications" }

// levelJSON is the stored form of a certification level.
type levelJSON struct {
	Code        string    `json:"code"`
	Name        i18n.Text `json:"name"`
	Status      string    `json:"status"`
	Requirement i18n.Text `json:"requirement"`
}

type roleRow struct {
	ID               int64 `gorm:"primaryKey"`
	Slug             string
	Position         int
	Track            string
	Level            string
	Name             jsonCol[i18n.Text]
	Summary          jsonCol[i18n.Text]
	Responsibilities jsonCol[[]i18n.Text]
}

func (roleRow) TableName() string { return "roles" }

type roleWeightRow struct {
	RoleID    int64  `gorm:"primaryKey"`
	Dimension string `gorm:"primaryKey"`
	Position  int
	Weight    int
	Rationale jsonCol[i18n.Text]
}

func (roleWeightRow) TableName() string { return "role_weights" }

type stepRow struct {
	ID         string `gorm:"primaryKey"`
	RoleID     int64
	Position   int
	Stage      string
	Title      jsonCol[i18n.Text]
	Detail     jsonCol[i18n.Text]
	Experience jsonCol[i18n.Text]
	Months     int
	Kind       string
	Shared     string
	NextRoles  jsonCol[[]string]
}

func (stepRow) TableName() string { return "roadmap_steps" }

type stepCertRow struct {
	StepID          string `gorm:"primaryKey"`
	CertificationID int64  `gorm:"primaryKey"`
	Position        int
}

func (stepCertRow) TableName() string { return "roadmap_step_certifications" }

type salaryRow struct {
	ID            int64 `gorm:"primaryKey"`
	RoleID        int64
	Position      int
	Label         jsonCol[i18n.Text]
	MinJPY        int64  `gorm:"column:min_jpy"`
	MaxJPY        *int64 `gorm:"column:max_jpy"`
	Estimate      bool
	Note          *jsonCol[i18n.Text]
	SourceName    string
	SourceURL     string `gorm:"column:source_url"`
	SourceYear    int
	SourceKind    string
	SourceChecked string
	SourceSample  int
	SourceVia     *jsonCol[catalog.Source]
}

func (salaryRow) TableName() string { return "salary_ranges" }

type catalogStateRow struct {
	ID       int `gorm:"primaryKey"`
	Version  string
	SeededAt time.Time
}

func (catalogStateRow) TableName() string { return "catalog_state" }

// CatalogVersion returns the version of the seeded catalog, or "" when none
// has been seeded.
func (db *DB) CatalogVersion(ctx context.Context) (string, error) {
	var st catalogStateRow
	err := db.gorm.WithContext(ctx).Take(&st, 1).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return "", nil
	}
	if err != nil {
		return "", translate(err, "catalog")
	}
	return st.Version, nil
}

// SaveCatalog makes the stored catalog equal to c in one transaction,
// upserting roles and certifications by slug and steps by id, and removing
// what c no longer holds. When the stored version already equals version it
// writes nothing and reports false.
func (db *DB) SaveCatalog(ctx context.Context, c *catalog.Catalog, version string) (changed bool, err error) {
	err = db.gorm.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var st catalogStateRow
		err := tx.Take(&st, 1).Error
		switch {
		case err == nil && st.Version == version:
			return nil
		case err != nil && !errors.Is(err, gorm.ErrRecordNotFound):
			return err
		}
		changed = true
		certIDs, err := saveCertifications(tx, c.Certifications)
		if err != nil {
			return err
		}
		if err := saveRoles(tx, c.Roles, certIDs); err != nil {
			return err
		}
		st = catalogStateRow{ID: 1, Version: version, SeededAt: time.Now().UTC()}
		return tx.Clauses(clause.OnConflict{UpdateAll: true}).Create(&st).Error
	})
	return changed, translate(err, "catalog")
}

func saveCertifications(tx *gorm.DB, certs []catalog.Certification) (map[string]int64, error) {
	slugs := make([]string, len(certs))
	rows := make([]certificationRow, len(certs))
	for i, c := range certs {
		slugs[i] = c.Slug
		rows[i] = certificationToRow(c, i)
	}
	if len(rows) > 0 {
		err := tx.Clauses(clause.OnConflict{
			Columns:   []clause.Column{{Name: "slug"}},
			DoUpdates: clause.AssignmentColumns(columnsExcept(tx, &certificationRow{}, "id", "slug")),
		}).Create(&rows).Error
		if err != nil {
			return nil, err
		}
	}
	if err := deleteMissing(tx, &certificationRow{}, "slug", slugs); err != nil {
		return nil, err
	}
	return idsBySlug(tx, &certificationRow{})
}

func saveRoles(tx *gorm.DB, roles []catalog.Role, certIDs map[string]int64) error {
	slugs := make([]string, len(roles))
	rows := make([]roleRow, len(roles))
	for i, r := range roles {
		slugs[i] = r.Slug
		rows[i] = roleRow{
			Slug: r.Slug, Position: i, Track: string(r.Track), Level: string(r.Level),
			Name: jsonOf(r.Name), Summary: jsonOf(r.Summary), Responsibilities: jsonOf(r.Responsibilities),
		}
	}
	if len(rows) > 0 {
		err := tx.Clauses(clause.OnConflict{
			Columns:   []clause.Column{{Name: "slug"}},
			DoUpdates: clause.AssignmentColumns(columnsExcept(tx, &roleRow{}, "id", "slug")),
		}).Create(&rows).Error
		if err != nil {
			return err
		}
	}
	if err := deleteMissing(tx, &roleRow{}, "slug", slugs); err != nil {
		return err
	}
	roleIDs, err := idsBySlug(tx, &roleRow{})
	if err != nil {
		return err
	}

	var (
		weights []roleWeightRow
		steps   []stepRow
		links   []stepCertRow
		salary  []salaryRow
		stepIDs []string
	)
	for _, r := range roles {
		id := roleIDs[r.Slug]
		for i, w := range r.Profile {
			weights = append(weights, roleWeightRow{RoleID: id, Dimension: string(w.Dimension), Position: i, Weight: w.Weight, Rationale: jsonOf(w.Rationale)})
		}
		for i, s := range r.Roadmap {
			stepIDs = append(stepIDs, s.ID)
			steps = append(steps, stepRow{
				ID: s.ID, RoleID: id, Position: i, Stage: string(s.Stage),
				Title: jsonOf(s.Title), Detail: jsonOf(s.Detail), Experience: jsonOf(s.Experience), Months: s.Months,
				Kind: s.Kind, Shared: s.Shared, NextRoles: jsonOf(s.NextRoles),
			})
			for j, c := range s.Certifications {
				links = append(links, stepCertRow{StepID: s.ID, CertificationID: certIDs[c], Position: j})
			}
		}
		for i, s := range r.Salary {
			salary = append(salary, salaryToRow(s, id, i))
		}
	}
	// Weights, salary ranges and step links have no identity of their own:
	// replace them. Steps do: upsert them by id.
	for _, table := range []any{&roleWeightRow{}, &salaryRow{}, &stepCertRow{}} {
		if err := tx.Session(&gorm.Session{AllowGlobalUpdate: true}).Delete(table).Error; err != nil {
			return err
		}
	}
	if len(steps) > 0 {
		err := tx.Clauses(clause.OnConflict{
			Columns:   []clause.Column{{Name: "id"}},
			DoUpdates: clause.AssignmentColumns(columnsExcept(tx, &stepRow{}, "id")),
		}).Create(&steps).Error
		if err != nil {
			return err
		}
	}
	if err := deleteMissing(tx, &stepRow{}, "id", stepIDs); err != nil {
		return err
	}
	for _, batch := range []any{weights, salary, links} {
		if err := tx.CreateInBatches(batch, 200).Error; err != nil && !errors.Is(err, gorm.ErrEmptySlice) {
			return err
		}
	}
	return nil
}

// columnsExcept lists the model's columns other than the named ones.
func columnsExcept(tx *gorm.DB, model any, except ...string) []string {
	stmt := &gorm.Statement{DB: tx}
	if err := stmt.Parse(model); err != nil {
		panic(err) // the row types above are static; a parse failure is a bug
	}
	var out []string
outer:
	for _, f := range stmt.Schema.Fields {
		for _, e := range except {
			if f.DBName == e {
				continue outer
			}
		}
		out = append(out, f.DBName)
	}
	return out
}

func deleteMissing(tx *gorm.DB, model any, column string, keep []string) error {
	q := tx.Session(&gorm.Session{AllowGlobalUpdate: true})
	if len(keep) > 0 {
		q = q.Where(column+" NOT IN ?", keep)
	}
	return q.Delete(model).Error
}

func idsBySlug(tx *gorm.DB, model any) (map[string]int64, error) {
	var pairs []struct {
		ID   int64
		Slug string
	}
	if err := tx.Model(model).Select("id", "slug").Find(&pairs).Error; err != nil {
		return nil, err
	}
	out := make(map[string]int64, len(pairs))
	for _, p := range pairs {
		out[p.Slug] = p.ID
	}
	return out, nil
}

// LoadCatalog reads the whole catalog, in its seeded order.
func (db *DB) LoadCatalog(ctx context.Context) (*catalog.Catalog, error) {
	tx := db.gorm.WithContext(ctx)
	var (
		certs   []certificationRow
		roles   []roleRow
		weights []roleWeightRow
		steps   []stepRow
		links   []stepCertRow
		salary  []salaryRow
	)
	for _, q := range []struct {
		dest  any
		order string
	}{
		{&certs, "position"},
		{&roles, "position"},
		{&weights, "role_id, position"},
		{&steps, "role_id, position"},
		{&links, "step_id, position"},
		{&salary, "role_id, position"},
	} {
		if err := tx.Order(q.order).Find(q.dest).Error; err != nil {
			return nil, translate(err, "catalog")
		}
	}

	c := &catalog.Catalog{Certifications: make([]catalog.Certification, len(certs))}
	certSlug := make(map[int64]string, len(certs))
	for i, r := range certs {
		c.Certifications[i] = certificationFromRow(r)
		certSlug[r.ID] = r.Slug
	}
	stepCerts := map[string][]string{}
	for _, l := range links {
		stepCerts[l.StepID] = append(stepCerts[l.StepID], certSlug[l.CertificationID])
	}
	byRole := make(map[int64]*catalog.Role, len(roles))
	c.Roles = make([]catalog.Role, len(roles))
	for i, r := range roles {
		c.Roles[i] = catalog.Role{
			Slug: r.Slug, Track: construct.Track(r.Track), Level: construct.Stage(r.Level),
			Name: r.Name.V, Summary: r.Summary.V, Responsibilities: r.Responsibilities.V,
		}
		byRole[r.ID] = &c.Roles[i]
	}
	for _, w := range weights {
		if r := byRole[w.RoleID]; r != nil {
			r.Profile = append(r.Profile, catalog.Weight{Dimension: construct.Dimension(w.Dimension), Weight: w.Weight, Rationale: w.Rationale.V})
		}
	}
	for _, s := range steps {
		if r := byRole[s.RoleID]; r != nil {
			r.Roadmap = append(r.Roadmap, catalog.Step{
				ID: s.ID, Stage: construct.Stage(s.Stage), Title: s.Title.V, Detail: s.Detail.V,
				Experience: s.Experience.V, Certifications: stepCerts[s.ID], Months: s.Months,
				Kind: s.Kind, Shared: s.Shared, NextRoles: s.NextRoles.V,
			})
		}
	}
	for _, s := range salary {
		if r := byRole[s.RoleID]; r != nil {
			r.Salary = append(r.Salary, salaryFromRow(s))
		}
	}
	return c, nil
}

func certificationToRow(c catalog.Certification, position int) certificationRow {
	levels := make([]levelJSON, len(c.Levels))
	for i, l := range c.Levels {
		levels[i] = levelJSON(l)
	}
	first := c.PrimarySource()
	row := certificationRow{
		Slug: c.Slug, Position: position, Abbreviation: c.Abbreviation, Track: string(c.Track), Stage: string(c.Stage), URL: c.URL,
		Name: jsonOf(c.Name), Issuer: jsonOf(c.Issuer), Summary: jsonOf(c.Summary), Format: jsonOf(c.Format),
		Prerequisites: jsonOf(c.Prerequisites), Proves: jsonOf(c.Proves), Levels: jsonOf(levels),
		Schedule: jsonOf(c.Schedule), Fee: jsonOf(c.Fee), Sources: jsonOf(c.Sources), Unconfirmed: jsonOf(c.Unconfirmed),
		SourceName: first.Name, SourceURL: first.URL, SourceYear: first.Year,
	}
	if c.Eligibility != nil {
		e := jsonOf(*c.Eligibility)
		row.Eligibility = &e
	}
	return row
}

func certificationFromRow(r certificationRow) catalog.Certification {
	var levels []catalog.CertLevel
	for _, l := range r.Levels.V {
		levels = append(levels, catalog.CertLevel(l))
	}
	c := catalog.Certification{
		Slug: r.Slug, Abbreviation: r.Abbreviation, Track: construct.Track(r.Track), Stage: construct.Stage(r.Stage), URL: r.URL,
		Name: r.Name.V, Issuer: r.Issuer.V, Summary: r.Summary.V, Format: r.Format.V,
		Schedule: r.Schedule.V, Fee: r.Fee.V, Prerequisites: r.Prerequisites.V, Proves: r.Proves.V, Levels: levels,
		Sources: r.Sources.V, Unconfirmed: r.Unconfirmed.V,
	}
	if r.Eligibility != nil {
		e := r.Eligibility.V
		c.Eligibility = &e
	}
	return c
}

func salaryToRow(s catalog.SalaryRange, roleID int64, position int) salaryRow {
	row := salaryRow{
		RoleID: roleID, Position: position, Label: jsonOf(s.Label), MinJPY: s.MinJPY, MaxJPY: s.MaxJPY,
		Estimate: s.Estimate, SourceName: s.Source.Name, SourceURL: s.Source.URL, SourceYear: s.Source.Year,
		SourceKind: s.Source.Kind, SourceChecked: s.Source.Checked, SourceSample: s.Source.Sample,
	}
	if s.Source.Via != nil {
		v := jsonOf(*s.Source.Via)
		row.SourceVia = &v
	}
	if s.Note != nil {
		n := jsonOf(*s.Note)
		row.Note = &n
	}
	return row
}

func salaryFromRow(r salaryRow) catalog.SalaryRange {
	s := catalog.SalaryRange{
		Label: r.Label.V, MinJPY: r.MinJPY, MaxJPY: r.MaxJPY, Estimate: r.Estimate,
		Source: catalog.Source{
			Name: r.SourceName, URL: r.SourceURL, Year: r.SourceYear,
			Kind: r.SourceKind, Checked: r.SourceChecked, Sample: r.SourceSample,
		},
	}
	if r.SourceVia != nil {
		v := r.SourceVia.V
		s.Source.Via = &v
	}
	if r.Note != nil {
		n := r.Note.V
		s.Note = &n
	}
	return s
}
