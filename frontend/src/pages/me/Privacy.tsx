import { Page } from "../../components/ui";

export default function Privacy() {
  return <Page title="Privacy">{null}</Page>;
}
