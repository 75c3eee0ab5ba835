import { Page } from "../../components/ui";

export default function Roles() {
  return <Page title="Roles">{null}</Page>;
}
