/**
 * People known from the repository itself (CODEOWNERS, git commit authors),
 * for the blame-named-individual rule. Node-only (fs, child_process), never
 * imported by the preview. PLACEHOLDER: filled in by the blameless-language work.
 */
export async function loadRepositoryPeople(_repositoryDir: string): Promise<string[]> {
  return [];
}
