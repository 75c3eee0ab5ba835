import { Page } from "../../components/ui";

export default function MyPage() {
  return <Page title="MyPage">{null}</Page>;
}
