import { Page } from "../../components/ui";

export default function RoleDetail() {
  return <Page title="RoleDetail">{null}</Page>;
}
