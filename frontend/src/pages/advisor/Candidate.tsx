import { Page } from "../../components/ui";

export default function Candidate() {
  return <Page title="Candidate">{null}</Page>;
}
