import { Page } from "../../components/ui";

export default function Dashboard() {
  return <Page title="Dashboard">{null}</Page>;
}
