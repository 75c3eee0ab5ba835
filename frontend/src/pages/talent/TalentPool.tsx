import { Page } from "../../components/ui";

export default function TalentPool() {
  return <Page title="TalentPool">{null}</Page>;
}
