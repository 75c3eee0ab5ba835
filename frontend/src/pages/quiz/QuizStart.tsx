import { Page } from "../../components/ui";

export default function QuizStart() {
  return <Page title="QuizStart">{null}</Page>;
}
