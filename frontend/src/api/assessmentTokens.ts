// Anonymous assessments are keyed by the token the server returned when the
// draft was created. The browser keeps them here so a reload resumes the
// quiz, the results stay readable, and signing up can claim them.

const KEY = "pmpath.assessments";

export interface StoredAssessment {
  id: string;
  token: string;
  questionnaire: string;
  created_at: string;
  submitted?: boolean;
}

function read(): StoredAssessment[] {
  try {
    const raw = localStorage.getItem(KEY);
    const list = raw ? (JSON.parse(raw) as StoredAssessment[]) : [];
    return Array.isArray(list) ? list.filter((a) => a && typeof a.id === "string" && typeof a.token === "string") : [];
  } catch {
    return [];
  }
}

function write(list: StoredAssessment[]) {
  try {
    localStorage.setItem(KEY, JSON.stringify(list));
  } catch {
    /* storage full or unavailable: the session still works until reload */
  }
}

export const assessmentTokens = {
  all: read,
  get(id: string): StoredAssessment | undefined {
    return read().find((a) => a.id === id);
  },
  /** token returns the header to send for id, if this browser holds one. */
  headers(id: string): Record<string, string> {
    const a = read().find((x) => x.id === id);
    return a ? { "X-Assessment-Token": a.token } : {};
  },
  put(a: StoredAssessment) {
    write([...read().filter((x) => x.id !== a.id), a]);
  },
  markSubmitted(id: string) {
    write(read().map((a) => (a.id === id ? { ...a, submitted: true } : a)));
  },
  remove(id: string) {
    write(read().filter((a) => a.id !== id));
  },
  /** unfinished returns the newest draft not yet submitted. */
  unfinished(): StoredAssessment | undefined {
    return read()
      .filter((a) => !a.submitted)
      .sort((x, y) => y.created_at.localeCompare(x.created_at))[0];
  },
};
