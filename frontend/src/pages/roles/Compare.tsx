import { Page } from "../../components/ui";

export default function Compare() {
  return <Page title="Compare">{null}</Page>;
}
