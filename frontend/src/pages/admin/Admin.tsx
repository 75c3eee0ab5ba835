import { Page } from "../../components/ui";

export default function Admin() {
  return <Page title="Admin">{null}</Page>;
}
