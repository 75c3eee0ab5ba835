import { Page } from "../../components/ui";

export default function Quiz() {
  return <Page title="Quiz">{null}</Page>;
}
