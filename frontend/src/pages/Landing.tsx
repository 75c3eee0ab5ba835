import { Page } from "../components/ui";

export default function Landing() {
  return <Page title="Landing">{null}</Page>;
}
