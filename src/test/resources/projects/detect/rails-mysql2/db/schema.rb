ActiveRecord::Schema[7.1].define(version: 2024_02_05_170000) do
end
