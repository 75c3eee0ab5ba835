// /talent: candidates who opted in to the recruiter talent pool.
import { useTranslation } from "react-i18next";
import { talentPool } from "../../api/endpoints";
import { Empty, Page } from "../../components/ui";
import { ListingPager, ListingResults } from "../advisor/CandidateListing";
import FilterForm from "../advisor/FilterForm";
import { useRoles } from "../advisor/roles";
import { useListing } from "../advisor/useListing";
import TalentCards from "./TalentCards";
import "../advisor/advisor.css";
import "./talent.css";

export default function TalentPool() {
  const { t } = useTranslation("talent");
  const roles = useRoles();
  const list = useListing(talentPool);
  const { state, res } = list;

  return (
    <Page title={t("title")} lead={t("lead")} wide>
      <FilterForm value={state} roles={roles.data?.roles} onApply={list.applyFilters} showSort testId="talent-filter" />
      <ListingResults
        list={list}
        headingId="talent-heading"
        title={t("results")}
        intro={<p className="muted small privacy-note">{t("privacy")}</p>}
        noMatch={t("noMatch")}
        empty={<Empty>{t("empty")}</Empty>}
      >
        {(rows) => (
          <div aria-busy={res.loading} className={res.loading ? "is-busy" : undefined}>
            <TalentCards rows={rows} />
            <ListingPager list={list} />
          </div>
        )}
      </ListingResults>
    </Page>
  );
}
