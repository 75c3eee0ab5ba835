import { Page } from "../../components/ui";

export default function Results() {
  return <Page title="Results">{null}</Page>;
}
