-- Neovim (0.7.x, Debian) as a second real LSP client of `policy-review lsp --stdio`.
-- Started by test/e2e/run-nvim.ts as:
--   nvim --headless -u NONE -i NONE -n -c 'luafile lsp-test.lua' <draft>
-- Environment: PR_SERVER (the command line, JSON array), PR_ALIAS_TEXT (the one-sided mention),
-- PR_NAME and PR_EXPLANATION (the relationship's name and explanation), PR_HOVER_NEEDLE (text
-- whose second character is hovered), PR_INSERT_ID and PR_INSERT_TITLE (the section to insert),
-- PR_COMMAND (the command id), PR_INSERT_FILE (the draft it runs on), PR_INSERT_HEADING (the
-- expected numbered heading), PR_TIMEOUT_MS.
-- Prints one `CHECK ok|fail <name> :: <detail>` line per check and exits with :cq on any failure.
-- Neovim 0.7 has no vim.lsp.start: start_client + buf_attach_client.

local function out(s) io.stdout:write(s .. '\n') end
local failures = 0
local function check(name, ok, detail)
  if not ok then failures = failures + 1 end
  out(string.format('\nCHECK %s %s :: %s', ok and 'ok' or 'fail', name, (detail or ''):gsub('\n', ' ')))
end
local function finish()
  vim.cmd(failures == 0 and 'qa!' or 'cq!')
end

local env = vim.env
local timeout = tonumber(env.PR_TIMEOUT_MS or '30000')
local bufnr = vim.api.nvim_get_current_buf()
local t0 = vim.loop.hrtime()
local function elapsed() return string.format('%.1fs', (vim.loop.hrtime() - t0) / 1e9) end

-- Compare texts without whitespace and Markdown escapes.
local function squash(s) return (s or ''):gsub('\\(.)', '%1'):gsub('%s+', '') end

-- With -u NONE there is no filetype detection, and Neovim sends the filetype as languageId.
local function set_filetype(buf)
  vim.bo[buf].filetype = vim.api.nvim_buf_get_name(buf):match('%.md$') and 'markdown' or 'text'
end
set_filetype(bufnr)

local applied = {}
local default_apply = vim.lsp.handlers['workspace/applyEdit']

local ok_start, client_id = pcall(vim.lsp.start_client, {
  name = 'policy-review',
  cmd = vim.fn.json_decode(env.PR_SERVER),
  root_dir = vim.fn.getcwd(),
  settings = { policyReview = {} },
  handlers = {
    ['window/logMessage'] = function(_, r) out('LOG ' .. tostring(r and r.message)) end,
    ['workspace/applyEdit'] = function(err, result, ctx, config)
      table.insert(applied, result)
      return default_apply(err, result, ctx, config)
    end,
  },
})
if not ok_start or not client_id then
  check('start_client', false, tostring(client_id))
  return finish()
end
vim.lsp.buf_attach_client(bufnr, client_id)
local client = vim.lsp.get_client_by_id(client_id)

-- 1. A diagnostic with the relationship id as code, on the alias mention.
local function code_of(d)
  return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
end
local function find_diag()
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if code_of(d) == 'open-data-security' then return d end
  end
end
vim.wait(timeout, function() return find_diag() ~= nil end, 50)
local d = find_diag()
local seen = {}
for _, x in ipairs(vim.diagnostic.get(bufnr)) do
  table.insert(seen, string.format('%s@%d:%d', tostring(code_of(x)), x.lnum, x.col))
end
if d then
  -- Neovim's columns are bytes; the server speaks UTF-16 and Neovim converted.
  local line = vim.api.nvim_buf_get_lines(bufnr, d.lnum, d.lnum + 1, false)[1] or ''
  local text = line:sub(d.col + 1, d.end_col)
  check('diagnostic', text == env.PR_ALIAS_TEXT and d.source == 'policy-review',
    string.format('after %s: open-data-security at %d:%d-%d «%s» source=%s', elapsed(), d.lnum, d.col, d.end_col, text, tostring(d.source)))
else
  check('diagnostic', false, 'no open-data-security diagnostic within ' .. timeout .. 'ms; seen: ' .. table.concat(seen, ' '))
end

-- 2. Hover on the alias: the relationship's name and explanation.
local hover_line, hover_byte
for i, l in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
  local s = l:find(env.PR_HOVER_NEEDLE, 1, true)
  if s then hover_line, hover_byte = i - 1, s - 1 break end
end
if hover_line then
  local line = vim.api.nvim_buf_get_lines(bufnr, hover_line, hover_line + 1, false)[1]
  local _, utf16 = vim.str_utfindex(line, hover_byte)
  local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = hover_line, character = utf16 + 1 } }
  local res = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', params, timeout) or {}
  local value = ''
  for _, r in pairs(res) do
    local c = r.result and r.result.contents
    if type(c) == 'table' then value = value .. (c.value or vim.inspect(c)) elseif c then value = value .. tostring(c) end
  end
  local has_name = value:find(env.PR_NAME, 1, true) ~= nil
  local has_expl = squash(value):find(squash(env.PR_EXPLANATION), 1, true) ~= nil
  check('hover', has_name and has_expl, string.format('name=%s explanation=%s: %s', tostring(has_name), tostring(has_expl), vim.fn.strcharpart(value, 0, 120)))
else
  check('hover', false, 'needle not in the buffer: ' .. env.PR_HOVER_NEEDLE)
end

-- 3. workspace/executeCommand → the server's workspace/applyEdit changes the buffer.
local caps = client.server_capabilities or client.resolved_capabilities or {}
local provider = caps.executeCommandProvider or (caps.execute_command and {}) or {}
local commands = provider.commands or {}
check('command advertised', vim.tbl_contains(commands, env.PR_COMMAND), 'executeCommandProvider.commands = ' .. table.concat(commands, ', '))
vim.cmd('edit ' .. vim.fn.fnameescape(env.PR_INSERT_FILE))
local ibuf = vim.api.nvim_get_current_buf()
set_filetype(ibuf)
vim.lsp.buf_attach_client(ibuf, client_id)
-- The draft is analysed once its diagnostics arrive.
vim.wait(timeout, function() return #vim.diagnostic.get(ibuf) > 0 end, 50)
local before = vim.api.nvim_buf_get_lines(ibuf, 0, -1, false)
local last = #before - 1
local _, end16 = vim.str_utfindex(before[#before] or '')
local res, err = vim.lsp.buf_request_sync(ibuf, 'workspace/executeCommand', {
  command = env.PR_COMMAND,
  arguments = { vim.uri_from_bufnr(ibuf), { line = last, character = end16 }, env.PR_INSERT_ID },
}, timeout)
local response_error
for _, r in pairs(res or {}) do if r.err then response_error = vim.inspect(r.err) end end
local function inserted_line()
  for i, l in ipairs(vim.api.nvim_buf_get_lines(ibuf, 0, -1, false)) do
    if l:find(env.PR_INSERT_TITLE, 1, true) then return i - 1, l end
  end
end
vim.wait(timeout, function() return inserted_line() ~= nil end, 50)
local at, l = inserted_line()
local lines_after = vim.api.nvim_buf_line_count(ibuf)
local expected = env.PR_INSERT_HEADING
local heading_ok = l ~= nil and (l:gsub('^#+%s*', '')) == expected and at >= #before
check('executeCommand → applyEdit', heading_ok and #applied > 0,
  string.format('%s: applyEdit requests=%d error=%s; line %s «%s» (expected «%s» after line %d); buffer %d → %d lines',
    env.PR_INSERT_FILE, #applied, tostring(response_error or err), tostring(at), tostring(l), expected, #before, #before, lines_after))

vim.lsp.stop_client(client_id)
vim.wait(3000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
finish()
