import { Page } from "../../components/ui";

export default function SignIn() {
  return <Page title="SignIn">{null}</Page>;
}
