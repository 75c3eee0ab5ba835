import { Page } from "../../components/ui";

export default function SignUp() {
  return <Page title="SignUp">{null}</Page>;
}
