-- Drives Neovim's own LSP client (Neovim 0.7+, headless) against our language
-- server: open a post-mortem, wait for diagnostics, apply a quick fix, ask for
-- completion. Writes what it saw as JSON to $PM_NVIM_OUT and quits. Nothing
-- here knows our code: it is what a Neovim user's config does, step by step.
local out_path = os.getenv('PM_NVIM_OUT')
local server = os.getenv('PM_SERVER')
local file = os.getenv('PM_FILE')
local fix_title = os.getenv('PM_FIX_TITLE')
local fix_line = tonumber(os.getenv('PM_FIX_LINE'))
local fix_character = tonumber(os.getenv('PM_FIX_CHARACTER'))
local status_line = tonumber(os.getenv('PM_STATUS_LINE'))
local fixed_message = os.getenv('PM_FIX_MESSAGE')
local results = { steps = {} }

local function step(name) table.insert(results.steps, name) end

local function finish()
  local handle = io.open(out_path, 'w')
  handle:write(vim.fn.json_encode(results))
  handle:close()
  vim.cmd('qa!')
end

local function diagnostics_of(bufnr)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = (d.user_data and d.user_data.lsp) or {}
    table.insert(list, {
      line = d.lnum, character = d.col, endLine = d.end_lnum, endCharacter = d.end_col,
      severity = d.severity, message = d.message, source = d.source or lsp.source,
      code = d.code or lsp.code,
    })
  end
  return list
end

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = 'postmortem',
    cmd = { 'node', server, '--stdio' },
    root_dir = vim.fn.fnamemodify(file, ':p:h:h'),
    init_options = { lintDelayMs = 0 },
    settings = { postmortem = { lintDelayMs = 0 } },
    flags = { debounce_text_changes = 0 },
  })
  vim.lsp.buf_attach_client(bufnr, client_id)
  step('attached')

  if not vim.wait(30000, function() return #vim.diagnostic.get(bufnr) > 0 end, 20) then
    error('no diagnostics within 30 s')
  end
  -- Let a second publish (after the workspace scan) settle.
  vim.wait(1500, function() return false end, 50)
  results.diagnostics = diagnostics_of(bufnr)
  step('diagnostics')

  local client = vim.lsp.get_client_by_id(client_id)
  local position = { line = fix_line, character = fix_character }
  local response = client.request_sync('textDocument/codeAction', {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = { start = position, ['end'] = position },
    context = { diagnostics = {} },
  }, 10000, bufnr)
  if not response or response.err then error('codeAction failed: ' .. vim.inspect(response)) end
  results.actionTitles = {}
  local chosen
  for _, action in ipairs(response.result or {}) do
    table.insert(results.actionTitles, action.title)
    if action.title == fix_title then chosen = action end
  end
  if not chosen then error('no code action titled ' .. tostring(fix_title)) end
  vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding or 'utf-16')
  results.textAfterFix = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, true), '\n')
  step('fixed')

  -- The server lints the edited text: the fixed finding leaves the list.
  results.diagnosticsAfterFixSettled = vim.wait(20000, function()
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if d.message == fixed_message then return false end
    end
    return true
  end, 20)
  results.diagnosticsAfterFix = diagnostics_of(bufnr)
  step('relinted')

  -- Completion of an enum value: `status: ` with the cursor after the space.
  vim.api.nvim_buf_set_lines(bufnr, status_line, status_line + 1, true, { 'status: ' })
  local completion = client.request_sync('textDocument/completion', {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    position = { line = status_line, character = 8 },
  }, 10000, bufnr)
  if not completion or completion.err then error('completion failed: ' .. vim.inspect(completion)) end
  local items = completion.result and (completion.result.items or completion.result) or {}
  results.completionLabels = {}
  for _, item in ipairs(items) do table.insert(results.completionLabels, item.label) end
  step('completion')

  client.stop()
end)
if not ok then results.error = tostring(err) end
finish()
